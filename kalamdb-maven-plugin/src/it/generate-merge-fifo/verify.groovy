def log = new File(basedir, 'build.log').text

assert log.contains('p: error: cannot write file: is a named pipe (FIFO), not a regular file')
assert !log.contains('\tat ')
assert !log.contains('Caused by')
// Still a pipe: the goal neither replaced it nor read it.
assert !new File(basedir, 'p').isFile()
return true
