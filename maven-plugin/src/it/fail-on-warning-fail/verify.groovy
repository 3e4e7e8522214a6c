import groovy.json.JsonSlurper

// A warning is logged at WARNING level; with -Dconnect.failOn=warning it fails the build, and the message says so.
def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
assert log =~ /(?m)^\[WARNING\] src\/main\/resources\/atlassian-connect\.json:22:3: warning: descriptor contains comments .* \[json\/comments\]$/
assert !log.contains("[ERROR] ${file}:")
assert log.contains('on project fail-on-warning-fail: connect-verify: 0 errors, 1 warning, 0 infos in 1 descriptor (fails on warning)')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.findings*.rule == ['json/comments']
assert report.findings[0].severity == 'warning'
assert report.summary.failOn == 'warning'
assert report.summary.failed == true
return true
