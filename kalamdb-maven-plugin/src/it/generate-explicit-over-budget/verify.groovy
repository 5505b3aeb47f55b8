def buildLog = evaluate(new File(itLib, 'BuildLogAssertions.groovy'))

def expected = [
    "[ERROR] target/generated-resources/kalamdb/config.toml: error: worst case 7328 MB for 57 column families exceeds the budget of 256 MB (57 x 64 MB x 2 + 32 MB cache)"
]
def failure = "not writing target/generated-resources/kalamdb/config.toml: the generated section has 1 error and 1 warning; see the lines above"
buildLog.problemsThenOneFailure(expected, failure)
// Nothing is written when the check fails.
assert !new File(basedir, 'target/generated-resources/kalamdb/config.toml').exists()

return true
