def log = new File(basedir, 'build.log').text
def page = new File(basedir, 'target/kalamdb-reports/kalamdb-memory.html')

assert log.contains('wrote target/kalamdb-reports/kalamdb-memory.html: 2 reports, 3 tests, largest peak 9.1 MB (com.acme.UserRepoTest bulkLoad())')
assert page.isFile()
def html = page.getText('UTF-8')
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('data-reports="2" data-tests="3"')
// One timeline per fork, the tests ranked across both by their exact peaks.
assert html.count('<figure class="timeline"') == 2
assert html.contains('data-source="sample-project 101@ci-1"') && html.contains('data-source="sample-project 202@ci-2"')
def peaks = (html =~ /<tr class="test[^"]*" data-rank="\d+" data-unique-id="[^"]*" data-status="\w+" data-peak-bytes="(\d+)"/).collect { it[1] }
assert peaks == ['9560641', '3145828', '1576960']
assert html.contains('<g class="reference" data-y="12582912">')
assert html.contains('<g class="marker" data-x="250" data-y="15852097">')
assert html.contains('data-component="inMemoryFiles" data-bytes="3145728"')
// User text is escaped; the page loads nothing and runs nothing.
assert html.contains('placesOrder() &lt;fast&gt; &amp; &quot;small&quot;')
assert !html.contains('<script') && !html.contains(' src=')
// A shard's folder that is missing is named: the page lacks its tests.
assert log.contains('[WARNING] shard-3: no such file or directory; no reports read from it')
assert log.count('[WARNING] shard') == 1
return true
