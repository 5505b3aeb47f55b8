def log = new File(basedir, 'build.log').text

// Every problem of the file, one located line each, then a single failure that counts them.
def expected = [
    "[WARNING] src/main/resources/config.toml:8:27: warning: max_write_buffer_number = 1 is raised to 2 by RocksDB; write 2 to say what runs"
]
def failure = "src/main/resources/config.toml has 1 warning and failOnWarning is set; see the lines above"
expected.each { assert log.contains(it) }
assert log.count('Failed to execute goal') == 1
def failedAt = log.indexOf('Failed to execute goal')
assert log.indexOf(failure) > failedAt
expected.each { assert log.indexOf(it) < failedAt }

return true
