def log = new File(basedir, 'build.log').text

assert log.contains('page.html: error: cannot write file: is a named pipe (FIFO), not a regular file')
assert log.count('Failed to execute goal') == 1
assert !log.contains('\tat ')
assert !log.contains('Caused by')
// Still a pipe: the goal neither replaced it nor wrote into it.
assert !new File(basedir, 'page.html').isFile()
return true
