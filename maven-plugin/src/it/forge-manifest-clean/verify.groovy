import groovy.json.JsonSlurper

// A valid Connect-on-Forge app: the manifest at the project root is found, read as Jira, and passes.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] connect-verify: manifest.yml checked as jira')
assert log.contains('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == ['manifest.yml']
assert report.descriptors[0].key == 'com.example.issue-helper'
assert report.findings == []
return true
