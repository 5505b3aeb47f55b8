def log = new File(basedir, 'build.log').text
def file = 'src/main/resources/server.toml'

def original = new File(basedir, 'original.toml').text
def merged = new File(basedir, file).text
// The old section: from its header (the comment above it stays) to the blank line before [auth];
// its profile table goes with it.
def start = original.indexOf('[storage.rocksdb]\n')
def end = original.indexOf('\n[auth]')
assert start > 0 && end > start
def before = original.substring(0, start)
def after = original.substring(end)
assert merged.startsWith(before)
assert merged.endsWith(after)
def section = merged.substring(before.length(), merged.length() - after.length())
assert section.startsWith('[storage.rocksdb]\n')
['system_meta', 'system_index', 'hot_data', 'hot_index', 'raft'].each {
  assert section.count("[storage.rocksdb.cf_profiles.${it}]\n") == 1
}
// The database settings of the old section are kept; the legacy keys are not written.
assert section.contains('\nmax_background_jobs = 2\n')
assert section.contains('\nmax_open_files = 256\n')
assert !section.contains('write_buffer_size = 524288')
assert !section.contains('[rocksdb]')

// check-config before: the old file, with what the releases that read its legacy keys would use.
def legacy = "[INFO] ${file}: with the legacy keys (releases before 2026-03, one column family per table): worst case 61 MB (63963136 bytes) for 57 column families (57 x 512 KiB x 2 + 4 MiB cache)".toString()
assert log.contains(legacy)
assert log.contains("[WARNING] ${file}:15:1: warning: write_buffer_size under [storage.rocksdb] is ignored".toString())
def wrote = "[INFO] wrote ${file} (block_cache_size=".toString()
assert log.contains(wrote)
assert log.contains(', max_background_jobs=2, max_open_files=256, ')
// check-config after: the merged file fits the budget, without the legacy keys.
def checked = "[INFO] ${file}: worst case 63.95 MB (67051520 bytes) for 6 column families (default 1444 KiB x 2 + ".toString()
assert log.contains(checked)
assert log.contains('16 MiB cache), within the budget of 64 MB')
assert log.indexOf(legacy) < log.indexOf(wrote)
assert log.indexOf(wrote) < log.indexOf(checked)
assert log.count('with the legacy keys') == 1
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

return true
