import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def source = 'src/main/resources/atlassian-connect.json'
def copy = new File(basedir, 'target/classes/atlassian-connect.json').text

// The copy that ships has the filtered values; the source still has the placeholders.
assert copy.contains('"type": "jwt"') && copy.contains('"ftp://issue-helper.example.com/uninstalled"')
assert copy.contains('{"installed": "/connect/installed", "uninstalled": "ftp://')

// Invocation 1 passed on a source that would not ("${app.auth}" is no authentication type): the copy was verified,
// and the log says which file stood for which.
assert log.contains("[INFO] connect-verify: target/classes/atlassian-connect.json (the filtered copy that ships) was verified; positions refer to ${source} wherever they can be placed there")
assert log.contains('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert !log.contains('[schema/enum]')

// Invocation 2: the bad URL exists only in the copy (line 13, column 67 there) and is reported at its place in the
// source (line 13, column 70, after the unshortened ${app.path}).
assert log.contains("[ERROR] ${source}:13:70: error: lifecycle.uninstalled: ")
assert log =~ /\[ERROR\] src\/main\/resources\/atlassian-connect\.json:13:70: error: .*ftp.* \[schema\/format\]/
assert !log.contains('target/classes/atlassian-connect.json:13:')
assert log.contains('[INFO] connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert log.count('BUILD SUCCESS') == 2

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == [source]
assert report.findings.size() == 1
def f = report.findings[0]
assert f.rule == 'schema/format' && f.file == source && f.line == 13 && f.column == 70 && f.pointer == '/lifecycle/uninstalled'
assert report.summary.failOn == 'never' && report.summary.failed == false
return true
