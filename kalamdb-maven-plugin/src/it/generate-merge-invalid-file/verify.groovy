def log = new File(basedir, 'build.log').text

assert log.contains('[ERROR] src/main/resources/config.toml:4:21: error: TOML syntax error: ')
assert log.contains('cannot merge the [rocksdb] section into src/main/resources/config.toml, which has 1 error (see the lines above); the file was left as it was')
def original = new File(basedir, 'original.toml').bytes
assert new File(basedir, 'src/main/resources/config.toml').bytes == original
assert !log.contains('\tat ')

return true
