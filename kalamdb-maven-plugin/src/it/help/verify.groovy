def log = new File(basedir, 'build.log').text

['kalamdb:check-config', 'kalamdb:generate-config', 'kalamdb:help',
 'User property: kalamdb.config', 'User property: kalamdb.memoryBudgetMb',
 'User property: kalamdb.columnFamilies', 'User property: kalamdb.failOnWarning',
 'User property: kalamdb.skip', 'User property: kalamdb.mergeInto', 'User property: kalamdb.dialect',
 'User property: kalamdb.writeBufferSizeMb', 'User property: kalamdb.maxWriteBufferNumber',
 'User property: kalamdb.blockCacheSizeMb', 'User property: kalamdb.memtableLimitMb',
 'User property: kalamdb.outputDirectory', 'kalamdb:memory-report',
 'User property: kalamdb.reports', 'User property: kalamdb.reportOutput',
 'User property: kalamdb.failIfNoReports', 'no native code'].each {
  assert log.contains(it) : "help output lacks: " + it
}
assert log.contains('BUILD SUCCESS')

return true
