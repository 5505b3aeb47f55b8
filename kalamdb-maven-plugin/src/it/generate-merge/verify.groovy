def log = new File(basedir, 'build.log').text

def original = new File(basedir, 'original.toml').text
def merged = new File(basedir, 'src/main/resources/config.toml').text
// The old section: from its header to the blank line that leads into [auth].
def start = original.indexOf('[rocksdb]')
def end = original.indexOf('\n[auth]')
assert start > 0 && end > start
def before = original.substring(0, start)
def after = original.substring(end)
assert merged.startsWith(before)
assert merged.endsWith(after)
def section = merged.substring(before.length(), merged.length() - after.length())
assert section.startsWith('[rocksdb]')
assert !section.contains('write_buffer_size_mb = 64')
assert section.contains('max_write_buffer_number = 2')
assert log.contains('[INFO] wrote src/main/resources/config.toml (write_buffer_size_mb=')
assert log.contains('[INFO] up to date: src/main/resources/config.toml (write_buffer_size_mb=')
assert log.indexOf('wrote src/main/resources/config.toml') < log.indexOf('up to date: src/main/resources/config.toml')
assert !new File(basedir, 'target/generated-resources').exists()

return true
