// Each unreadable file is one located line, then one failure counting them; the readable file does
// not make a page of part of the run.
evaluate(new File(itLib, 'BuildLogAssertions.groovy')).problemsThenOneFailure(
    ["[ERROR] target-reports/kalamdb-memory-2.json:4:15: error: not a kalamdb memory report: Unexpected character (',' (code 44))",
     "[ERROR] target-reports/kalamdb-memory-3.json: error: memory report format 2, this version reads format 1"],
    "2 memory report files could not be read (see the lines above); target/kalamdb-reports/kalamdb-memory.html was not written")

def log = new File(basedir, 'build.log').text
assert !log.contains('kalamdb-memory-1.json')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/kalamdb-reports/kalamdb-memory.html').exists()
return true
