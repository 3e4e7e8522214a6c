import groovy.json.JsonSlurper

// Both findings about the broken translations block are logged at ERROR with positions; the report has them too.
def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
assert log.contains("[ERROR] ${file}:23:19: error: translations is missing required property \"paths\" [schema/required]")
assert log.contains("[ERROR] ${file}:24:5: error: translations does not allow property \"path\" [schema/unknown-property]")
assert log =~ /on project missing-translation-fail: connect-verify: 2 errors, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.findings.collect { "${it.rule} ${it.pointer} ${it.line}:${it.column}" } ==
    ['schema/required /translations 23:19', 'schema/unknown-property /translations/path 24:5']
assert report.summary.errors == 2
return true
