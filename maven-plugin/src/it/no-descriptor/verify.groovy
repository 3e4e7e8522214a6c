def log = new File(basedir, 'build.log').text
def nothing = 'connect-verify: nothing to verify: no atlassian-connect.json in [src/main/resources]; set <descriptors> (connect.descriptors) to name another file'
// 1: said at INFO, and the build passes without a report
assert log.contains("[INFO] ${nothing}")
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/connect-verify/connect-verify.json').exists()
// 2: -Dconnect.failIfNoDescriptors turns it into a failure
assert log.contains("on project no-descriptor: ${nothing} (failIfNoDescriptors is set)")
assert log.contains('BUILD FAILURE')
return true
