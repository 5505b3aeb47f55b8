def log = new File(basedir, 'build.log').text

assert log.contains('[WARNING] maven-surefire-plugin 2.12.4 runs no JUnit 5 test (2.22.0 or later does)')
assert log.contains('pin maven-surefire-plugin 3.5.4 in <build><pluginManagement>')
// The config is valid: the warning does not fail the build.
assert log.contains('worst case')
assert log.contains('BUILD SUCCESS')

return true
