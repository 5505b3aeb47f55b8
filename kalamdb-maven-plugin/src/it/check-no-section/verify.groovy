def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] no [rocksdb] section in src/main/resources/config.toml; the defaults apply (write_buffer_size_mb=8, max_write_buffer_number=2, block_cache_size_mb=32, memtable_limit_mb=0)')
assert log.contains('[INFO] src/main/resources/config.toml: worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)')
assert log.contains('BUILD SUCCESS')

return true
