def log = new File(basedir, 'build.log').text

// Relative to the reactor root, not to the module: the console's working directory.
assert log.contains("[ERROR] server/src/main/resources/config.toml:5:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean 'write_buffer_size_mb'?")
assert log.contains('server/src/main/resources/config.toml has 1 error; see the lines above')

return true
