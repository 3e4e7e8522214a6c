import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def jira = 'jira-app/src/main/resources/atlassian-connect.json'
def confluence = 'confluence-app/src/main/resources/atlassian-connect.json'

// The shared change is fine for the Jira app, whose shipped copy gets its scope...
assert new File(basedir, 'jira-app/target/classes/atlassian-connect.json').text.contains('"scopes": ["READ", "WRITE"]')
assert log.contains("[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: jira-app/target/connect-verify/connect-verify.json")
// ...and breaks the Confluence app, whose copy keeps the placeholder. Paths are relative to the reactor root.
assert new File(basedir, 'confluence-app/target/classes/atlassian-connect.json').text.contains('"scopes": ["READ", "${jira.scope}"]')
assert log.contains("[ERROR] ${confluence}:22:22: error: scopes[1]: \"\${jira.scope}\" is not one of the allowed values")

// Once both apps have run the goal, their descriptors are verified together as one set.
assert log.contains('[INFO] connect-verify: the reactor\'s descriptors from jira-app, confluence-app verified as one set: 1 error, 0 warnings, 0 infos in 2 descriptors, 0 found only by checking them together; report: target/connect-verify/reactor/connect-verify.json')

// The build fails on the Confluence app, naming the counts.
assert log =~ /on project confluence-app: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log =~ /shared-resources \.+ SUCCESS/
assert log =~ /jira-app \.+ SUCCESS/
assert log =~ /confluence-app \.+ FAILURE/

def slurp = { new JsonSlurper().parse(new File(basedir, it)) }
def jiraReport = slurp('jira-app/target/connect-verify/connect-verify.json')
assert jiraReport.descriptors*.file == [jira] && jiraReport.findings == []
def confluenceReport = slurp('confluence-app/target/connect-verify/connect-verify.json')
assert confluenceReport.findings.collect { "${it.rule} ${it.file}:${it.line}:${it.column}" } == ["schema/enum ${confluence}:22:22".toString()]

// The set's report holds both apps, each checked as its product, and the one finding.
def set = slurp('target/connect-verify/reactor/connect-verify.json')
assert set.descriptors.collect { "${it.file} ${it.product} ${it.key}" } ==
    ["${jira} jira com.example.issue-helper", "${confluence} confluence com.example.page-helper"]*.toString()
assert set.findings.collect { "${it.rule} ${it.file}:${it.line}:${it.column}" } == ["schema/enum ${confluence}:22:22".toString()]
assert set.summary.failed == true
return true
