import groovy.json.JsonSlurper

// Maven filtering resolved ${app.baseUrl} but left the undefined ${app.extra.scope} in the copy that ships; the
// copy is verified, the finding is placed in the source, and the build fails.
def log = new File(basedir, 'build.log').text
def source = 'src/main/resources/atlassian-connect.json'
assert new File(basedir, 'target/classes/atlassian-connect.json').text.contains('"baseUrl": "https://issue-helper.example.com"')
assert log.contains("[ERROR] ${source}:22:22: error: scopes[1]: \"\${app.extra.scope}\" is not one of the allowed values")
assert log =~ /\[ERROR\] src\/main\/resources\/atlassian-connect\.json:22:22: error: .* \[schema\/enum\]/
assert log =~ /on project unresolved-placeholder-fail: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == [source]
assert report.findings.collect { "${it.rule} ${it.file}:${it.line}:${it.column} ${it.pointer}" } ==
    ["schema/enum ${source}:22:22 /scopes/1".toString()]
return true
