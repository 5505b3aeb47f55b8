// 50 MB on paper (a sparse file), instant to make; tomlj would need gigabytes of heap for it.
new RandomAccessFile(new File(basedir, 'big.toml'), 'rw').withCloseable { it.setLength(52428800L) }
return true
