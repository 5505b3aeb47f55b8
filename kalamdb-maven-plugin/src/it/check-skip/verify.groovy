def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Skipping check-config (kalamdb.skip=true)')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

return true
