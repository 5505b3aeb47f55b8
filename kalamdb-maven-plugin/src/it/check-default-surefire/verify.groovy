// mavenVersion is set by the invoker plugin: this project also runs on Maven 3.6.3 (oldest-maven).
def log = new File(basedir, 'build.log').text
def warning = 'runs no JUnit 5 test'

if (mavenVersion.startsWith('3.6.')) {
  assert log.contains('[WARNING] maven-surefire-plugin 2.12.4 ' + warning)
} else {
  assert !log.contains(warning)
}
assert log.contains('BUILD SUCCESS')

return true
