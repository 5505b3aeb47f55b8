// One located line, then a single failure that counts it.
evaluate(new File(itLib, 'BuildLogAssertions.groovy')).problemsThenOneFailure(
    ["[ERROR] src/main/resources/config.toml:8:1: error: duplicate key 'rocksdb.write_buffer_size_mb': it is already defined at line 7, column 1"],
    "src/main/resources/config.toml has 1 error; see the lines above")

return true
