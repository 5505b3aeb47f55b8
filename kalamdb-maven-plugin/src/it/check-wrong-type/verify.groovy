// One located line, then a single failure that counts it.
evaluate(new File(itLib, 'BuildLogAssertions.groovy')).problemsThenOneFailure(
    ["[ERROR] src/main/resources/config.toml:7:23: error: block_cache_size_mb must be an integer >= 0, got string \"32\""],
    "src/main/resources/config.toml has 1 error; see the lines above")

return true
