// The key holds a real ESC (a TOML escape); the log shows it escaped, never raw.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains("[ERROR] src/main/resources/config.toml:2:1: error: unknown key '\\u001B[31mred' in [rocksdb]")
assert !log.contains('\u001b[31m')
assert log.contains('BUILD FAILURE')

return true
