import groovy.json.JsonSlurper

// en-US.json sits in src/main/resources/i18n, which Spring Boot does not serve; de-DE.json is in static/i18n and is
// found. The web roots searched are the module's Spring Boot static locations, in its sources and its build output.
def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
def missing = "${file}:25:16: error: translation file for en-US not found: \"/i18n/en-US.json\" is in none of the app's web roots (searched src/main/resources/static, target/classes/static) [translations/missing-file]"
assert log.contains("[ERROR] ${missing}")
assert !log.contains('de-DE.json" is in none')
assert log =~ /on project missing-translation-fail: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.findings.collect { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() } == [missing.toString()]
assert report.findings[0].pointer == '/translations/paths/en-US'
assert report.summary.errors == 1 && report.summary.failed == true
return true
