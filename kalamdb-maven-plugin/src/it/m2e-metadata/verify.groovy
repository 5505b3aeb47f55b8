import java.util.zip.ZipFile
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory

// The jar invoker:install put into the IT repository, as users resolve it (pluginVersion is a
// script variable set in the plugin's pom).
def jar = new File(localRepositoryPath,
    "org/kalamdb/kalamdb-maven-plugin/${pluginVersion}/kalamdb-maven-plugin-${pluginVersion}.jar")
assert jar.isFile() : "no plugin jar at " + jar

def zip = new ZipFile(jar)
try {
  def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
  assert entry != null : "the plugin jar has no META-INF/m2e/lifecycle-mapping-metadata.xml"
  def doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(zip.getInputStream(entry))
  def xpath = XPathFactory.newInstance().newXPath()
  def action = { goal, flag ->
    xpath.evaluate("/lifecycleMappingMetadata/pluginExecutions/pluginExecution"
        + "[pluginExecutionFilter/goals/goal='${goal}']/action/execute/${flag}", doc)
  }
  assert xpath.evaluate('count(//pluginExecution)', doc) == '3'
  assert action('check-config', 'runOnIncremental') == 'true'
  assert action('generate-config', 'runOnIncremental') == 'false'
  assert action('generate-config', 'runOnConfiguration') == 'true'
  assert xpath.evaluate("count(//pluginExecution[pluginExecutionFilter/goals/goal='memory-report']/action/ignore)", doc) == '1'
} finally {
  zip.close()
}

return true
