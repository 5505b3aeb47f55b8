package org.kalamdb.kafka;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a fixture class only inside a JUnit Platform run that a test starts with {@link #PARAMETER}
 * set (EngineTestKit), so Surefire picking it up on its own skips it: fixtures fail on purpose.
 */
final class FixtureCondition implements ExecutionCondition {

  static final String PARAMETER = "kalamdb.kafka.test.fixtures";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean).orElse(false)
        ? ConditionEvaluationResult.enabled("run as a fixture")
        : ConditionEvaluationResult.disabled("a fixture, run by its test through EngineTestKit");
  }
}
