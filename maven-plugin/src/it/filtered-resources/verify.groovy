import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def source = 'src/main/resources/atlassian-connect.json'
def copy = new File(basedir, 'target/classes/atlassian-connect.json').text

// The copy that ships (from the last invocation) has the filtered values; Maven left the Spring placeholder
// ${addon.vendor} alone.
assert copy.contains('"type": "jwt"')
assert copy.contains('{"installed": "/connect/installed", "uninstalled": "/uninstalled"}')
assert copy.contains('"url": "https://www.example.com", "name": "${addon.vendor}"')

// Invocation 1 passed on a source that would not ("${app.auth}" is no authentication type): the copy was verified,
// its Spring placeholder filled from the prod profile (connect.springProfiles set as a pom property), and the log
// says which file stood for which.
assert log.contains("[INFO] connect-verify: target/classes/atlassian-connect.json (the filtered copy that ships) was verified; positions refer to ${source} wherever they can be placed there")
assert log.count('[INFO] connect-verify: target/classes/atlassian-connect.json: filled ${addon.vendor} from target/classes/application-prod.properties') == 2
assert log.contains('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert !log.contains('[schema/enum]')

// Invocation 2: the bad URL exists only in the copy (line 13, column 67 there) and is reported at its place in the
// source (line 13, column 70, after the unshortened ${app.path}).
assert log.contains("[ERROR] ${source}:13:70: error: lifecycle.uninstalled: ")
assert log =~ /\[ERROR\] src\/main\/resources\/atlassian-connect\.json:13:70: error: .*ftp.* \[schema\/format\]/
assert !log.contains('target/classes/atlassian-connect.json:13:')

// Invocation 3: without the prod profile, ${addon.vendor} stays unfilled. In the copy it starts at column 47 (after
// the expanded ${app.vendorUrl}); the finding is placed at column 40, where the developer wrote it.
def unresolved = "${source}:6:40: error: placeholder \${addon.vendor} in vendor.name has no value: no <vars> (-Dconnect.vars), no <varsFiles> (-Dconnect.varsFiles) file and no Spring application properties next to the descriptor define \"addon.vendor\" [template/unresolved]"
assert log.contains("[ERROR] ${unresolved}")
assert !log.contains('target/classes/atlassian-connect.json:6:')
assert log.count('[INFO] connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json') == 2
assert log.count('BUILD SUCCESS') == 3

// The report is the last run's.
def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == [source]
assert report.findings.collect { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() } == [unresolved.toString()]
assert report.findings[0].pointer == '/vendor/name'
assert report.summary.failOn == 'never' && report.summary.failed == false
return true
