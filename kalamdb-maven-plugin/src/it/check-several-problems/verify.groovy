def log = new File(basedir, 'build.log').text

// Every problem of the file, one located line each, then a single failure that counts them.
def expected = [
    "[ERROR] src/main/resources/config.toml:7:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean 'write_buffer_size_mb'?",
    "[ERROR] src/main/resources/config.toml:8:27: error: max_write_buffer_number must be an integer >= 1, got 0",
    "[ERROR] src/main/resources/config.toml:9:23: error: block_cache_size_mb must be an integer >= 0, got string \"big\"",
    "[ERROR] src/main/resources/config.toml:10:1: error: duplicate key 'rocksdb.max_write_buffer_number': it is already defined at line 8, column 1"
]
def failure = "src/main/resources/config.toml has 4 errors; see the lines above"
expected.each { assert log.contains(it) }
assert log.count('Failed to execute goal') == 1
def failedAt = log.indexOf('Failed to execute goal')
assert log.indexOf(failure) > failedAt
expected.each { assert log.indexOf(it) < failedAt }
// In file order.
assert (0..<expected.size() - 1).every { log.indexOf(expected[it]) < log.indexOf(expected[it + 1]) }

return true
