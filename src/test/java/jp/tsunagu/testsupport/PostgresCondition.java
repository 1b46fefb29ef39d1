package jp.tsunagu.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

class PostgresCondition implements ExecutionCondition {

    private static Boolean answers;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests always run");
        }
        if (answers == null) {
            answers = PostgresTestDatabase.serverAnswers();
        }
        return answers
                ? ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.describeServer())
                : ConditionEvaluationResult.disabled("SKIPPED: no PostgreSQL answers at "
                        + PostgresTestDatabase.describeServer() + "; start it to run the PostgreSQL tests (CI=true makes them mandatory)");
    }
}
