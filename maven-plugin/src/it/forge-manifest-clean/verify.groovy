import groovy.json.JsonSlurper

// A valid Connect-on-Forge app: the manifest at the project root is found, read as Jira, and passes.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] connect-verify: manifest.yml checked as jira')
// clean: no errors or warnings; the only findings are the end-of-support infos every Forge manifest gets
assert log =~ /\[INFO\] connect-verify: 0 errors, 0 warnings, \d+ infos? in 1 descriptor; report: target\/connect-verify\/connect-verify\.json/
assert log.contains('[migration/connect-remains]') && log.contains('[migration/no-migration-module]')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == ['manifest.yml']
assert report.descriptors[0].key == 'com.example.issue-helper'
assert report.findings.every { it.severity == 'info' && it.rule.startsWith('migration/') }
assert report.findings*.rule.toSet() == ['migration/connect-remains', 'migration/no-migration-module'] as Set
assert report.summary.errors == 0 && report.summary.warnings == 0 && report.summary.failed == false
return true
