// A real named pipe: writing the page into it would block until a reader comes, which never happens.
def code = ['mkfifo', new File(basedir, 'page.html').path].execute().waitFor()
assert code == 0 : 'mkfifo failed'
return true
