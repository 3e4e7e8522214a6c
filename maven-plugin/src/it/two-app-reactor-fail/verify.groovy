import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def jira = 'jira-app/src/main/resources/atlassian-connect.json'
def confluence = 'confluence-app/src/main/resources/atlassian-connect.json'
def shared = 'shared-resources/src/main/resources/static, shared-resources/target/classes/static'

// The Jira app serves en_US.json from its own static/ and de_DE.json from the shared module's: clean.
assert log.contains("[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: jira-app/target/connect-verify/connect-verify.json")
// The Confluence app still finds de_DE.json in the shared module, but en_US.json is gone. Its filtered copy is
// verified (the paths come from ${i18n.base}); the finding is placed in the source, where the value starts 7
// columns later than in the copy.
def missing = "${confluence}:24:60: error: translation file for en-US not found: \"/i18n/en_US.json\" is in none of the app's web roots (searched ${shared}) [translations/missing-file]"
assert log.contains("[ERROR] ${missing}")
assert new File(basedir, 'confluence-app/target/classes/atlassian-connect.json').text.contains('"en-US": "/i18n/en_US.json"')

// Verified together, the cross-app check says why: the path is served for the Jira app and missing for this one.
def cross = "${confluence}:24:60: error: app \"com.example.page-helper\" is broken by a path it shares with app \"com.example.issue-helper\" (${jira}): /i18n/en_US.json (translations.paths.en-US) is served for that app from jira-app/src/main/resources/static/i18n/en_US.json but is in none of this app's web roots (searched ${shared}) [crossapp/shared-resource-missing]"
assert log.contains("[ERROR] ${cross}")
assert log.contains("[ERROR]     ${jira}:24:24: the same path, present for the other app")
assert log.contains("[ERROR] connect-verify: the reactor's descriptors from jira-app, confluence-app verified as one set: 2 errors, 0 warnings, 0 infos in 2 descriptors, 1 found only by checking them together; report: target/connect-verify/reactor/connect-verify.json")

// The build fails on the Confluence app, naming both counts.
assert log =~ /on project confluence-app: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\); see the findings above or confluence-app\/target\/connect-verify\/connect-verify.json; and 1 error, 0 warnings, 0 infos across the apps of jira-app, confluence-app \(fails on error\)/
assert log =~ /shared-resources \.+ SUCCESS/
assert log =~ /jira-app \.+ SUCCESS/
assert log =~ /confluence-app \.+ FAILURE/

def slurp = { new JsonSlurper().parse(new File(basedir, it)) }
def line = { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() }
def jiraReport = slurp('jira-app/target/connect-verify/connect-verify.json')
assert jiraReport.descriptors*.file == [jira] && jiraReport.findings == []
def confluenceReport = slurp('confluence-app/target/connect-verify/connect-verify.json')
assert confluenceReport.findings.collect(line) == [missing.toString()]

// The set's report holds both apps, each checked as its product, and both findings about the Confluence app.
def set = slurp('target/connect-verify/reactor/connect-verify.json')
// (listed in display-path order, whatever order the reactor built the modules in)
assert set.descriptors.collect { "${it.file} ${it.product} ${it.key}" } ==
    ["${confluence} confluence com.example.page-helper", "${jira} jira com.example.issue-helper"]*.toString()
assert set.findings.collect(line) == [cross.toString(), missing.toString()]
assert set.findings[0].related[0].file == jira
assert set.summary.failed == true

// SARIF and JUnit: each module's report has its own category; the set's holds only the finding the set run adds, so
// uploading them all never shows the Confluence app's missing file twice.
def sarif = { new JsonSlurper().parse(new File(basedir, it)).runs[0] }
def confluenceSarif = sarif('confluence-app/target/connect-verify/connect-verify.sarif')
assert confluenceSarif.automationDetails.id.endsWith('confluence-app/')
assert confluenceSarif.results*.ruleId == ['translations/missing-file']
def setSarif = sarif('target/connect-verify/reactor/connect-verify.sarif')
assert setSarif.automationDetails.id == 'connect-verify/reactor/'
assert setSarif.results*.ruleId == ['crossapp/shared-resource-missing']
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-connect-verify-reactor.xml'))
assert junit.'**'.findAll { it.name() == 'failure' }.size() == 1
assert new File(basedir, 'confluence-app/target/surefire-reports/TEST-connect-verify.xml').exists()
return true
