// -Dconnect.skip: the goal says it was skipped, verifies nothing (the descriptor is broken) and writes no report.
def log = new File(basedir, 'build.log').text
assert log.contains(':verify (default) @ skip ---')
assert log.contains('[INFO] connect-verify: skipped (connect.skip)')
assert !log.contains('[json/duplicate-key]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/connect-verify/connect-verify.json').exists()
return true
