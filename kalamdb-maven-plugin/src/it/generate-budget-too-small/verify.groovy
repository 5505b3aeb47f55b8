def log = new File(basedir, 'build.log').text

// 57 x 128 KB = 8 MB of memtable limit + 57 x 64 KB = 4 MB of overhead (both rounded up) = 12 MB.
assert log.contains('cannot generate the [rocksdb] section: a budget of 4 MB cannot hold 57 column families: the smallest budget that does is 12 MB (a memtable limit of 8 MB, 128 KB per column family, 4 MB of overhead, 64 KB per column family, and no block cache)')
assert !new File(basedir, 'target/generated-resources/kalamdb/config.toml').exists()
assert !log.contains('\tat ')

return true
