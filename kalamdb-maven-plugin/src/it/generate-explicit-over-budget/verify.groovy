def log = new File(basedir, 'build.log').text

// Every problem of the file, one located line each, then a single failure that counts them.
def expected = [
    "[ERROR] target/generated-resources/kalamdb/config.toml: error: worst case 7328 MB for 57 column families exceeds the budget of 256 MB (57 x 64 MB x 2 + 32 MB cache)"
]
def failure = "not writing target/generated-resources/kalamdb/config.toml: the generated section has 1 error and 1 warning; see the lines above"
expected.each { assert log.contains(it) }
assert log.count('Failed to execute goal') == 1
def failedAt = log.indexOf('Failed to execute goal')
assert log.indexOf(failure) > failedAt
expected.each { assert log.indexOf(it) < failedAt }
// Nothing is written when the check fails.
assert !new File(basedir, 'target/generated-resources/kalamdb/config.toml').exists()

return true
