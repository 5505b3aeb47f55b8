def buildLog = evaluate(new File(itLib, 'BuildLogAssertions.groovy'))

def expected = [
    "[ERROR] src/main/resources/config.toml: error: worst case 944 MB for 57 column families exceeds the budget of 64 MB (57 x 8 MB x 2 + 32 MB cache)",
    // 64 MB - 32 MB cache - 4 MB overhead (57 x 64 KB, rounded up) = 28 MB of memtable limit.
    "[WARNING] src/main/resources/config.toml: warning: set memtable_limit_mb = 28 (and keep block_cache_size_mb = 32) to hold 57 column families within 64 MB (32 MB cache + 28 MB memtable limit + 57 x 64 KB overhead)"
]
def failure = "src/main/resources/config.toml has 1 error and 1 warning; see the lines above"
buildLog.problemsThenOneFailure(expected, failure)

return true
