def log = new File(basedir, 'build.log').text

assert log.contains('columnFamilies (property kalamdb.columnFamilies) must be >= 1, got 0')
assert !log.contains('\tat ')

return true
