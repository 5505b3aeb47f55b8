package org.kalamdb.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link Fixture} classes only in runs started by {@link Fixtures}. */
final class FixtureRunCondition implements ExecutionCondition {
  static final String PARAMETER = "kalamdb.test.fixtures";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
        ? ConditionEvaluationResult.enabled("run by Fixtures")
        : ConditionEvaluationResult.disabled("a fixture, run only through Fixtures");
  }
}
