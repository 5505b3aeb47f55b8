def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] no [storage.rocksdb] section in src/main/resources/server.toml; the KalamDB server\'s defaults apply (block_cache_size=2097152, max_background_jobs=4, max_open_files=512, sync_writes=false, disable_wal=false, compact_on_startup=false, cf_profiles.system_meta.write_buffer_size=32768, cf_profiles.system_meta.max_write_buffers=2, ')
assert log.contains('[INFO] src/main/resources/server.toml: worst case 3.25 MB (3407872 bytes) for 6 column families (default 64 KiB x 2 + system_meta 64 KiB x 2 + system_index 64 KiB x 2 + hot_data 128 KiB x 2 + hot_index 64 KiB x 2 + raft_data 256 KiB x 2 + 2 MiB cache)')
assert !log.contains('no [rocksdb] section')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

return true
