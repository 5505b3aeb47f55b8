def log = new File(basedir, 'build.log').text

assert log.contains('[WARNING] src/main/resources/config.toml:8:27: warning: max_write_buffer_number = 1 is raised to 2 by RocksDB')
assert log.contains('[INFO] src/main/resources/config.toml: worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)')
assert log.contains('BUILD SUCCESS')

return true
