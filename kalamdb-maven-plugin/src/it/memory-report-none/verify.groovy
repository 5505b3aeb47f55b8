def log = new File(basedir, 'build.log').text

assert log.contains('[WARNING] no kalamdb-memory*.json in target/kalamdb-reports (does not exist); run the tests with kalamdb-junit-extension first, or set \'reports\' (property kalamdb.reports); no page written')
assert log.count('[WARNING]') == 1
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/kalamdb-reports').exists()
return true
