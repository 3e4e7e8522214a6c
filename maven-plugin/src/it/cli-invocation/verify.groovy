import groovy.json.JsonSlurper

// `mvn connect:verify`: only the goal runs (execution default-cli), no lifecycle phase before it.
def log = new File(basedir, 'build.log').text
assert log =~ /--- connect-maven-plugin:[^:]+:verify \(default-cli\) @ cli-invocation ---/
assert !log.contains('maven-resources-plugin')
assert log.contains('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert log.contains('BUILD SUCCESS')

// -Dconnect.formats=text adds the text report next to the JSON one that is always written.
def dir = new File(basedir, 'target/connect-verify')
def report = new JsonSlurper().parse(new File(dir, 'connect-verify.json'))
assert report.descriptors*.file == ['src/main/resources/atlassian-connect.json']
assert report.findings == []
def text = new File(dir, 'connect-verify.txt').text
assert text.contains('src/main/resources/atlassian-connect.json: checked as jira')
assert text.contains('0 errors, 0 warnings, 0 infos in 1 descriptor')
return true
