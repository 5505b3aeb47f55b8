// One located line, then a single failure that counts it.
evaluate(new File(itLib, 'BuildLogAssertions.groovy')).problemsThenOneFailure(
    ["[ERROR] src/main/resources/config.toml:7:24: error: write_buffer_size_mb must be an integer >= 1, got 0"],
    "src/main/resources/config.toml has 1 error; see the lines above")

return true
