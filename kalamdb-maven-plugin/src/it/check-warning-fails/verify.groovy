// One located line, then a single failure that counts it.
evaluate(new File(itLib, 'BuildLogAssertions.groovy')).problemsThenOneFailure(
    ["[WARNING] src/main/resources/config.toml:8:27: warning: max_write_buffer_number = 1 is raised to 2 by RocksDB; write 2 to say what runs"],
    "src/main/resources/config.toml has 1 warning and failOnWarning is set; see the lines above")

return true
