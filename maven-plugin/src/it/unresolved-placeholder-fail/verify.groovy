import groovy.json.JsonSlurper

// ${...} placeholders are filled from the project's Spring Boot properties (read from the build output, which
// process-resources filled), with the active profiles given by connect.springProfiles; <vars> / -Dconnect.vars values win.
def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/atlassian-connect.json'
def spring = 'filled ${addon.key}, ${addon.base-url} from target/classes/application.properties'

// 1: the prod profile's YAML fills the description
assert log.contains("[INFO] connect-verify: ${file}: ${spring}; \${addon.description} from target/classes/application-prod.yml")
// 2: -Dconnect.vars fills it, and the note says so in Maven's terms
assert log.contains("[INFO] connect-verify: ${file}: ${spring}; \${addon.description} from -Dconnect.vars")
// 3: without a profile it has no value: the finding, at the placeholder in the source, and the build fails
def unresolved = "${file}:4:18: error: placeholder \${addon.description} in description has no value: no <vars> (-Dconnect.vars), no <varsFiles> (-Dconnect.varsFiles) file and no Spring application properties next to the descriptor define \"addon.description\" [template/unresolved]"
assert log.contains("[ERROR] ${unresolved}")
// the hint names the plugin parameter and its property, never a CLI flag
assert log.contains("[ERROR]     hint: pass <vars><addon.description>VALUE</addon.description></vars> (or -Dconnect.vars=addon.description=VALUE) or <varsFiles>FILE</varsFiles> (-Dconnect.varsFiles=FILE)")
assert !(log =~ /hint: .*--(var|vars|resources|product|online)\b/)
assert log.contains("[INFO] connect-verify: ${file}: ${spring}\n")
assert log.count('[INFO] connect-verify: 0 errors, 0 warnings, 0 infos in 1 descriptor; report: target/connect-verify/connect-verify.json') == 2
assert log =~ /on project unresolved-placeholder-fail: connect-verify: 1 error, 0 warnings, 0 infos in 1 descriptor \(fails on error\)/
assert log.count('BUILD SUCCESS') == 2 && log.count('BUILD FAILURE') == 1

// the report is the last run's
def report = new JsonSlurper().parse(new File(basedir, 'target/connect-verify/connect-verify.json'))
assert report.descriptors*.file == [file]
assert report.findings.collect { "${it.file}:${it.line}:${it.column}: ${it.severity}: ${it.message} [${it.rule}]".toString() } == [unresolved.toString()]
assert report.findings[0].pointer == '/description'
assert report.notes.contains("${file}: ${spring}".toString())
return true
