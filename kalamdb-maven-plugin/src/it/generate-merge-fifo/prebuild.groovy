// A real named pipe: reading it would block until a writer comes, which never happens here.
def code = ['mkfifo', new File(basedir, 'p').path].execute().waitFor()
assert code == 0 : 'mkfifo failed'
return true
