def log = new File(basedir, 'build.log').text

assert log.contains('p: error: cannot read file: is a named pipe (FIFO), not a regular file')
assert !log.contains('\tat ')
assert !log.contains('Caused by')
return true
