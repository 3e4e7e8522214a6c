import groovy.json.JsonSlurper

// A clean descriptor: the goal runs in the verify phase, logs its summary and writes the JSON report.
def log = new File(basedir, 'build.log').text
assert log.contains('connect-maven-plugin:') && log.contains(':verify (default) @ clean-app')
assert log.contains('[INFO] connect-verify: src/main/resources/atlassian-connect.json checked as jira')
assert log.contains('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert !(log =~ /(?m)^\[(ERROR|WARNING)\] src\/main/)
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.tool.name == 'connect-verify'
assert report.descriptors*.file == ['src/main/resources/atlassian-connect.json']
assert report.descriptors[0].product == 'jira'
assert report.descriptors[0].key == 'com.example.issue-helper'
assert report.findings == []
assert report.summary.failed == false
assert report.summary.failOn == 'error'
return true
