import groovy.json.JsonSlurper

// ${...} placeholders are filled from the project's Spring Boot properties (read from the build output, which
// process-resources filled), with the active profiles given by connect.springProfiles; <vars> / -Dconnect.vars values win.
// The placeholder sits in the app's name, which the name length check reads, so an unfilled one is a finding.
def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
def spring = 'filled ${addon.key}, ${addon.base-url} from target/classes/application.properties'

// 1: the prod profile's YAML fills the name
assert log.contains("[INFO] connect-verify: ${file}: ${spring}; \${addon.name} from target/classes/application-prod.yml")
// 2: -Dconnect.vars fills it, and the note says so in Maven's terms
assert log.contains("[INFO] connect-verify: ${file}: ${spring}; \${addon.name} from -Dconnect.vars")
// 3 and 4: without a profile it has no value: the finding, at the placeholder in the source, says which check could
// not run. By default it is a warning and the build passes; with release strictness it is an error and the build fails.
def because = "placeholder \${addon.name} in name has no value, so the name length check did not run: no <vars> (-Dconnect.vars), no <varsFiles> (-Dconnect.varsFiles) file and no Spring application properties next to the descriptor define \"addon.name\" [template/unresolved]"
def warning = "${file}:3:11: warning: ${because}"
def unresolved = "${file}:3:11: error: ${because}"
assert log.contains("[WARNING] ${warning}")
assert log.contains("[ERROR] ${unresolved}")
// the hint names the plugin parameter and its property, never a CLI flag
assert log.contains("[WARNING]     hint: pass <vars><addon.name>VALUE</addon.name></vars> (or -Dconnect.vars=addon.name=VALUE) or <varsFiles>FILE</varsFiles> (-Dconnect.varsFiles=FILE)")
assert log.contains("[ERROR]     hint: pass <vars><addon.name>VALUE</addon.name></vars> (or -Dconnect.vars=addon.name=VALUE) or <varsFiles>FILE</varsFiles> (-Dconnect.varsFiles=FILE)")
assert !(log =~ /hint: .*--(var|vars|resources|product|online)\b/)
assert log.count("[INFO] connect-verify: ${file}: ${spring}\n") == 2
assert log.count('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json') == 2
assert log.contains('connect-verify: 0 errors, 1 warning, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json')
assert log =~ /on project unresolved-placeholder-fail: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log.count('BUILD SUCCESS') == 3 && log.count('BUILD FAILURE') == 1

// the report is the last (strict) run's
def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == [file]
assert report.findings.collect { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() } == [unresolved.toString()]
assert report.findings[0].pointer == '/name'
assert report.notes.contains("${file}: ${spring}".toString())
return true
