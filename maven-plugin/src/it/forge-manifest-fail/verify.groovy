import groovy.json.JsonSlurper

// manifest.yml at the project root is found without configuration; the translation path it names is not served
// (the build moved the file to static/locales), reported at the manifest's own line with a manifest pointer.
def log = new File(basedir, 'build.log').text
def missing = 'manifest.yml:26:16: error: translation file for en-US not found: "/i18n/en-US.json" is in none of the app\'s web roots'
assert log.contains("[ERROR] ${missing}")
assert log.contains('[translations/missing-file]')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == ['manifest.yml']
// Every Forge manifest also gets the end-of-support infos (migration/*); they never fail a build. The one finding
// this case is about is the only one that is not an info.
def problems = report.findings.findAll { it.severity != 'info' }
assert problems.size() == 1
assert problems[0].rule == 'translations/missing-file'
assert problems[0].pointer == '/connectModules/jira:translations/0/paths/en-US'
assert report.findings.findAll { it.severity == 'info' }.every { it.rule.startsWith('migration/') }
assert report.findings*.rule.contains('migration/no-migration-module')
assert report.summary.errors == 1 && report.summary.warnings == 0 && report.summary.failed == true
return true
