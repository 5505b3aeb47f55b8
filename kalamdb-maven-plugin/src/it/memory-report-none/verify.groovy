def log = new File(basedir, 'build.log').text

assert log.contains('[WARNING] no kalamdb-memory*.json in target/kalamdb-reports; run the tests with kalamdb-junit-extension first, or set \'reports\' (property kalamdb.reports); no page written')
assert log.contains('[WARNING] target/kalamdb-reports: no such file or directory; no reports read from it')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/kalamdb-reports').exists()
return true
