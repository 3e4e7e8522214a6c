import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
def warning = "${file}:38:9: warning: duplicate key \"url\": the value here replaces the one defined first [json/duplicate-key]"

// connect-verify.json above the descriptor turned the duplicate key into a warning: logged at WARNING, no failure.
assert log.count("[WARNING] ${warning}") == 2
assert log.count('BUILD SUCCESS') == 3
// 1: the baseline was written next to the pom (File parameters are resolved against the module)
assert log.contains('[INFO] connect-verify: baseline written to connect-verify-baseline.json (1 findings)')
def baseline = new JsonSlurper().parse(new File(basedir, 'connect-verify-baseline.json'))
assert baseline.findings*.rule == ['json/duplicate-key'] && baseline.findings[0].file == file
// 2: with it, the known warning is not shown, so failOn=warning passes
assert log.contains('[INFO] connect-verify: baseline connect-verify-baseline.json: 1 known finding not shown, 0 fixed since it was written')
// every run names the extra reports
assert log.count('[INFO] connect-verify: sarif report written to target/connect-verify/connect-verify.sarif') == 3
assert log.count('[INFO] connect-verify: junit report written to target/surefire-reports/TEST-connect-verify.xml') == 3

// 3 (the last run): JSON, SARIF and JUnit reports all hold the warning
def dir = new File(basedir, 'target/connect-verify')
def json = new JsonSlurper().parse(new File(dir, 'connect-verify.json'))
assert json.findings.collect { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() } == [warning.toString()]
assert json.summary.failed == false

def sarif = new JsonSlurper().parse(new File(dir, 'connect-verify.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'json/duplicate-key' && results[0].level == 'warning'
def region = results[0].locations[0].physicalLocation
// relative to the git repository around the project (this one's when run in place), else the project folder
assert (region.artifactLocation.uri == file || region.artifactLocation.uri.endsWith('/report-formats/' + file)) && region.region.startLine == 38 && region.region.startColumn == 9
assert sarif.runs[0].tool.driver.rules*.id.contains('json/duplicate-key')
// one category per module, so code scanning keeps each module's analysis
assert sarif.runs[0].automationDetails.id.endsWith('report-formats/')

// JUnit goes where Bitbucket Pipelines and Jenkins look for test reports: one test per finding, named rule + pointer
def junit = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-connect-verify.xml'))
assert junit.name() == 'testsuites'
def dup = junit.'**'.find { it.name() == 'testcase' && it.@name.text().startsWith('json/duplicate-key /') }
assert dup != null && dup.'system-out'.text().contains(warning)
assert junit.'**'.findAll { it.name() == 'failure' }.size() == 0
return true
