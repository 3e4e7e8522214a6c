import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def source = 'src/main/resources/atlassian-connect.json'
def copy = new File(basedir, 'target/classes/atlassian-connect.json').text

// The copy that ships (from the last invocation) has the filtered values; Maven left the Spring placeholder
// ${addon.name} alone.
assert copy.contains('"type": "jwt"')
assert copy.contains('{"installed": "/connect/installed", "uninstalled": "/uninstalled"}')
assert copy.contains('"description": "Shows helpful links on every issue.", "name": "${addon.name}"')

// Invocation 1 passed on a source that would not ("${app.auth}" is no authentication type): the copy was verified,
// its Spring placeholder filled from the prod profile (connect.springProfiles set as a pom property), and the log
// says which file stood for which.
assert log.contains("[INFO] connect-verify: target/classes/atlassian-connect.json (the filtered copy that ships) was verified; positions refer to ${source} wherever they can be placed there")
assert log.count('[INFO] connect-verify: target/classes/atlassian-connect.json: filled ${addon.name} from target/classes/application-prod.properties') == 2
assert log.contains('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert !log.contains('[schema/enum]')

// Invocation 2: the bad URL exists only in the copy (line 12, column 67 there) and is reported at its place in the
// source (line 12, column 70, after the unshortened ${app.path}).
assert log.contains("[ERROR] ${source}:12:70: error: lifecycle.uninstalled: ")
assert log =~ /\[ERROR\] src\/main\/resources\/atlassian-connect\.json:12:70: error: .*ftp.* \[schema\/format\]/
assert !log.contains('target/classes/atlassian-connect.json:12:')

// Invocations 3 and 4: without the prod profile, ${addon.name} stays unfilled, so the name length check cannot run.
// In the copy it starts at column 65 (after the expanded ${app.description}); the finding is placed at column 48,
// where the developer wrote it. A warning by default (the build passes), an error with release strictness.
def because = "placeholder \${addon.name} in name has no value, so the name length check did not run: no <vars> (-Dconnect.vars), no <varsFiles> (-Dconnect.varsFiles) file and no Spring application properties next to the descriptor define \"addon.name\" [template/unresolved]"
def unresolved = "${source}:3:48: error: ${because}"
assert log.contains("[WARNING] ${source}:3:48: warning: ${because}")
assert log.contains("[ERROR] ${unresolved}")
assert !log.contains('target/classes/atlassian-connect.json:3:')
assert log.contains('connect-verify: 0 errors, 1 warning, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert log =~ /on project filtered-resources: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log.count('BUILD SUCCESS') == 3 && log.count('BUILD FAILURE') == 1

// The report is the last (strict) run's.
def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == [source]
assert report.findings.collect { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() } == [unresolved.toString()]
assert report.findings[0].pointer == '/name'
assert report.summary.failed == true
return true
