def log = new File(basedir, 'build.log').text

assert log.contains('big.toml: error: 52428800 bytes is over the 256 KiB limit for a config file')
assert !log.contains('OutOfMemoryError')
assert !log.contains('Java heap space')
assert !log.contains('\tat ')
return true
