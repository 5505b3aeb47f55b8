def log = new File(basedir, 'build.log').text

// Every problem of the file, one located line each, then a single failure that counts them.
def expected = [
    "[ERROR] src/main/resources/config.toml:8:1: error: duplicate key 'rocksdb.write_buffer_size_mb': it is already defined at line 7, column 1"
]
def failure = "src/main/resources/config.toml has 1 error; see the lines above"
expected.each { assert log.contains(it) }
assert log.count('Failed to execute goal') == 1
def failedAt = log.indexOf('Failed to execute goal')
assert log.indexOf(failure) > failedAt
expected.each { assert log.indexOf(it) < failedAt }

return true
