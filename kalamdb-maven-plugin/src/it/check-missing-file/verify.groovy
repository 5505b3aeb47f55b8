def log = new File(basedir, 'build.log').text

assert log.contains('src/main/resources/config.toml: error: file not found; create it, or set \'config\' (property kalamdb.config) to the config.toml to check')
assert !log.contains('\tat ')
assert !log.contains('Caused by')
assert !log.contains('NoSuchFileException')

return true
