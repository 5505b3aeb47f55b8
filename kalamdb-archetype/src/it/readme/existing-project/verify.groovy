// What the manual's "An existing project" (docs/existing-project.md) says of this project.
def manual = new File(page).getText('UTF-8')
def log = new File(basedir, 'build.log').getText('UTF-8')
def reports = new File(basedir, 'target/surefire-reports')

// First build: check-config's line, and the budgeted test ran and passed.
assert log.contains('[INFO] src/main/resources/config.toml: worst case 68 MB for 57 column families (32 MB cache + 32 MB memtable limit + 57 x 64 KB overhead), within the budget of 96 MB')
def store = new File(reports, 'TEST-com.example.StoreTest.xml').getText('UTF-8')
assert store =~ /tests="1" errors="0" skipped="0" failures="0"/
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')

// Second build: OverBudgetTest failed with the message the page shows (its MB figure aside).
def over = new File(reports, 'TEST-com.example.OverBudgetTest.xml').getText('UTF-8')
assert over =~ /tests="1" errors="0" skipped="0" failures="1"/
def shown = (manual =~ /`store 'writesTooMuch\.arg0' used [0-9.]+ MB at peak(, over its budget of 1 MB [^`]*); memtables \.\.\.`/)
assert shown.find() : 'docs/existing-project.md shows no over-budget message'
def quote = { String text -> java.util.regex.Pattern.quote(text) }
assert over =~ (quote("store 'writesTooMuch.arg0' used ") + '[0-9.]+' + quote(' MB at peak' + shown.group(1) + '; memtables '))
true
