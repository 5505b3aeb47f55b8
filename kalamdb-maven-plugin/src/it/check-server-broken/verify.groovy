def buildLog = evaluate(new File(itLib, 'BuildLogAssertions.groovy'))

def file = 'src/main/resources/server.toml'
def expected = [
    "[ERROR] ${file}:7:1: error: unknown key 'block_cache_sise' in [storage.rocksdb] (the server ignores it without a word); did you mean 'block_cache_size'?",
    "[ERROR] ${file}:9:18: error: max_open_files must be an integer >= -1, got -5",
    "[ERROR] ${file}:11:1: error: profile hot_data gives no max_write_buffers: the server will not start"
].collect { it.toString() }
def failure = "${file} has 3 errors; see the lines above".toString()
buildLog.problemsThenOneFailure(expected, failure)
buildLog.inOrder(expected)
assert !buildLog.text.contains('\tat ')

return true
