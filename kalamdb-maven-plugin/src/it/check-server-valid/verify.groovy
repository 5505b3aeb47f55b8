def log = new File(basedir, 'build.log').text

// default and system_meta take the system_meta profile; raft_data takes raft.
assert log.contains('[INFO] src/main/resources/server.toml: worst case 8.88 MB (9306112 bytes) for 6 column families (default 64 KiB x 2 + system_meta 64 KiB x 2 + system_index 64 KiB x 2 + hot_data 1 MiB x 3 + hot_index 256 KiB x 2 + raft_data 512 KiB x 2 + 4 MiB cache), within the budget of 16 MB')
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING]')
assert !log.contains('legacy keys')
assert log.contains('BUILD SUCCESS')

return true
