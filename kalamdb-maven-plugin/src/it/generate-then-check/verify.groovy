def log = new File(basedir, 'build.log').text

def generated = new File(basedir, 'target/generated-resources/kalamdb/config.toml')
def packaged = new File(basedir, 'target/classes/config.toml')
assert generated.isFile()
assert packaged.isFile()
assert packaged.text == generated.text
assert generated.text.contains('[rocksdb]')
assert log.contains('[INFO] wrote target/generated-resources/kalamdb/config.toml (write_buffer_size_mb=')
assert log.contains('[INFO] target/generated-resources/kalamdb/config.toml: worst case ')
assert log.contains(' for 100 column families (')
assert log.contains(', within the budget of 512 MB')
assert log.indexOf('wrote target/generated-resources') < log.indexOf('within the budget of 512 MB')
assert log.contains('BUILD SUCCESS')

return true
