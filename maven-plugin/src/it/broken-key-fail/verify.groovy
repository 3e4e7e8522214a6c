import groovy.json.JsonSlurper

// The duplicate app key is logged at ERROR in the canonical form, with where it was first defined and the hint,
// and the build fails with a MojoFailureException that names the counts.
def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
assert log.contains("[ERROR] ${file}:10:3: error: duplicate key \"key\": the value here replaces the one defined first [json/duplicate-key]")
assert log.contains("[ERROR]     ${file}:2:3: first defined here")
assert log.contains('[ERROR]     hint: remove or rename one of the two; parsers keep only the last value')
assert log =~ /\[ERROR\] Failed to execute goal org\.connectverify:connect-maven-plugin:[^ ]+:verify \(default\) on project broken-key-fail: connect-verify: \d+ errors?, \d+ warnings?, \d+ infos? in 1 descriptor \(fails on error\)/
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
def dup = report.findings.find { it.rule == 'json/duplicate-key' }
assert dup != null
assert dup.file == file && dup.line == 10 && dup.column == 3 && dup.pointer == '/key'
assert dup.related[0].line == 2
assert report.summary.failed == true
return true
