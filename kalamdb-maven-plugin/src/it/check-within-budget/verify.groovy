def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] conf/server.toml: worst case 96 MB for 10 column families (10 x 4 MB x 2 + 16 MB cache), within the budget of 256 MB')
assert log.contains('BUILD SUCCESS')

return true
