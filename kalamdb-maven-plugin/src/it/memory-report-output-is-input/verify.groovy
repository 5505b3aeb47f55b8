def log = new File(basedir, 'build.log').text

assert log.contains('target-reports/kalamdb-memory-1.json: error: cannot write file: it is one of the report files read (parameter reports, property kalamdb.reports); name another page (parameter output, property kalamdb.reportOutput)')
assert log.count('Failed to execute goal') == 1
assert !log.contains('\tat ')
// The report is still the report: a second run reads it, not a page.
def report = new File(basedir, 'target-reports/kalamdb-memory-1.json').getText('UTF-8')
assert report.startsWith('{')
assert report.contains('"source" : "sample-project 101@ci-1"')
assert new File(basedir, 'target-reports').list().toList() == ['kalamdb-memory-1.json']
return true
