// Writes the files of the manual's "An existing project" out of docs/existing-project.md itself: each fenced block
// right after an HTML comment `<!-- readme-project file: PATH -->` (or `readme-project over-budget
// file: PATH`) becomes PATH in this project. `page` is that page (scriptVariables in the pom).
def text = new File(page).getText('UTF-8')
def block = ~/(?s)<!-- readme-project (?:over-budget )?file: (\S+) -->\n```[a-z]*\n(.*?)\n```\n/
def written = []
text.eachMatch(block) { all, path, content ->
  def file = new File(basedir, path)
  file.parentFile.mkdirs()
  file.setText(content + '\n', 'UTF-8')
  written << path
}
def expected = [
    'pom.xml',
    'src/main/resources/config.toml',
    'src/test/java/com/example/StoreTest.java',
    'src/main/java/com/example/Stores.java',
    'src/test/java/com/example/OverBudgetTest.java']
assert written == expected : "docs/existing-project.md's marked blocks are ${written}, expected ${expected}"
true
