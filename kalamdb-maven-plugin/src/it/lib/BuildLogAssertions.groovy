// Shared by the verify.groovy scripts: `def buildLog = evaluate(new File(itLib, 'BuildLogAssertions.groovy'))`
// (itLib is a script variable set in the plugin's pom). Evaluated in the caller's binding, so it
// reads that IT's build.log through `basedir`. Not an IT project itself: it has no pom.xml.

/** The build.log of one IT build, with the assertions several ITs make about it. */
class BuildLog {
  final String text

  BuildLog(String text) {
    this.text = text
  }

  /**
   * Every problem of the file, one located line each, then a single failure that counts them:
   * each of `located` is logged before Maven's one "Failed to execute goal", whose message
   * contains `failure`.
   */
  void problemsThenOneFailure(List<String> located, String failure) {
    located.each { assert text.contains(it) }
    assert text.count('Failed to execute goal') == 1
    def failedAt = text.indexOf('Failed to execute goal')
    assert text.indexOf(failure) > failedAt
    located.each { assert text.indexOf(it) < failedAt }
  }

  /** The lines appear in this order. */
  void inOrder(List<String> lines) {
    assert (0..<lines.size() - 1).every { text.indexOf(lines[it]) < text.indexOf(lines[it + 1]) }
  }
}

new BuildLog(new File(basedir, 'build.log').text)
