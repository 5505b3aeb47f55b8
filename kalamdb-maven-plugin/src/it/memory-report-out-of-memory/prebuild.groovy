// One report of 20,000 tests with a store each (about 10 MB), written here: a file this large
// does not belong in the repository.
def dir = new File(basedir, 'target-reports')
dir.mkdirs()
new File(dir, 'kalamdb-memory-1.json').withWriter('UTF-8') { out ->
  out << '{"format": 1, "source": "big", "startedAtEpochMillis": 0, "durationMillis": 200000,\n'
  out << '"tests": [\n'
  for (int i = 0; i < 20000; i++) {
    if (i > 0) {
      out << ',\n'
    }
    def clazz = "com.acme.T${i.intdiv(50)}"
    out << """{"uniqueId": "[engine:junit-jupiter]/[class:${clazz}]/[method:test${i}()]", "className": "${clazz}","""
    out << """ "displayName": "test${i}()", "status": "passed", "startMillis": ${i * 10}, "endMillis": ${i * 10 + 9},"""
    out << """ "stores": [{"name": "store", "kind": "store", "storage": "disk", "budgetBytes": 67108864,"""
    out << """ "budgetSource": "@KalamStoreTest memoryBudgetMb", "peakBytes": ${3300 + i},"""
    out << """ "components": {"memtables": ${1000 + i}, "blockCache": 2000, "tableReaders": 300}, "overBudget": false}]}"""
  }
  out << '],\n"timeline": [\n'
  for (int i = 0; i < 20000; i++) {
    out << (i > 0 ? ',\n' : '') << """{"atMillis": ${i * 10}, "totalBytes": ${3300 + i}}"""
  }
  out << '],\n"crossings": []}\n'
}
return true
