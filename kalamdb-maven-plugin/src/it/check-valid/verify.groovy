def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] src/main/resources/config.toml: worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)')
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING]')
assert log.contains('BUILD SUCCESS')

return true
