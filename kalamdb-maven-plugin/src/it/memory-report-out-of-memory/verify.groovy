def log = new File(basedir, 'build.log').text

// The page, the heap's own reason, the files and what to do, in one line; no bare "Java heap space".
assert log =~ /target\/kalamdb-reports\/kalamdb-memory.html: error: out of memory \(Java heap space\) while drawing the page from 1 report file of \d+\.\d MB \(largest: target-reports\/kalamdb-memory-1.json, \d+\.\d MB\); drawing needs about 20 times that in heap: give Maven more \(MAVEN_OPTS=-Xmx\d+m\) or draw fewer reports per page/
assert log.count('Failed to execute goal') == 1
assert !log.contains('\tat ')
assert !log.contains('java.lang.OutOfMemoryError')
assert !new File(basedir, 'target/kalamdb-reports/kalamdb-memory.html').exists()
return true
