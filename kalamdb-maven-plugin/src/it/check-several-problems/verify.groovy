def buildLog = evaluate(new File(itLib, 'BuildLogAssertions.groovy'))

def expected = [
    "[ERROR] src/main/resources/config.toml:7:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean 'write_buffer_size_mb'?",
    "[ERROR] src/main/resources/config.toml:8:27: error: max_write_buffer_number must be an integer >= 1, got 0",
    "[ERROR] src/main/resources/config.toml:9:23: error: block_cache_size_mb must be an integer >= 0, got string \"big\"",
    "[ERROR] src/main/resources/config.toml:10:1: error: duplicate key 'rocksdb.max_write_buffer_number': it is already defined at line 8, column 1"
]
def failure = "src/main/resources/config.toml has 4 errors; see the lines above"
buildLog.problemsThenOneFailure(expected, failure)
// In file order.
buildLog.inOrder(expected)

return true
