def log = new File(basedir, 'build.log').text
def nothing = 'connect-verify: nothing to verify: no atlassian-connect.json in [src/main/resources] and no Forge manifest.yml at the module root; set <descriptors> (connect.descriptors) to name another file'
// 1: said at INFO, and the build passes without a report
assert log.contains("[INFO] ${nothing}")
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/connect-verify/connect-verify.json').exists()
// 2: -Dconnect.failIfNoDescriptors turns it into a failure
assert log.contains("on project no-descriptor: ${nothing} (failIfNoDescriptors is set)")
assert log.contains('BUILD FAILURE')
// 3: a bad value is reported as a configuration problem (MojoExecutionException), not as findings
assert log.contains("on project no-descriptor: connect-verify: parameter failOn (connect.failOn): unknown fail-on level 'sometimes' (expected error, warning, info or never)")
assert log.count('BUILD FAILURE') == 2
// Maven names the exception type in its help link: a failure for 2, an execution error for 3
assert log.contains('display/MAVEN/MojoFailureException') && log.contains('display/MAVEN/MojoExecutionException')
return true
