import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def set = ~/\[INFO\] connect-verify: the reactor's descriptors from (jira-app, confluence-app|confluence-app, jira-app) verified as one set: 0 errors, 0 warnings, 0 infos in 2 descriptors, 0 found only by checking them together; report: target\/connect-verify\/reactor\/connect-verify.json/
// once per invocation: the parallel build, then the command-line run
assert log.findAll(set).size() == 2
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 2')
assert log =~ /--- connect-maven-plugin:[^:]+:verify \(default-cli\) @ reactor-parallel ---/
assert log.contains('[INFO] connect-verify: nothing to verify: no atlassian-connect.json in [src/main/resources] and no Forge manifest.yml at the module root; set <descriptors> (connect.descriptors) to name another file')
assert log.count('BUILD SUCCESS') == 2

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/reactor/connect-verify.json'))
assert report.descriptors.collect { "${it.file} ${it.product}" }.sort() ==
    ['confluence-app/src/main/resources/atlassian-connect.json confluence', 'jira-app/src/main/resources/atlassian-connect.json jira']
assert report.findings == []
return true
