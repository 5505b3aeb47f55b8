// One located line, then a single failure that counts it.
evaluate(new File(itLib, 'BuildLogAssertions.groovy')).problemsThenOneFailure(
    ["[ERROR] src/main/resources/config.toml:7:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean 'write_buffer_size_mb'?"],
    "src/main/resources/config.toml has 1 error; see the lines above")

return true
