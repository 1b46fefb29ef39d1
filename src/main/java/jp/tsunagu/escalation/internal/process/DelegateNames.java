package jp.tsunagu.escalation.internal.process;

/**
 * Spring bean names that the models call through {@code camunda:delegateExpression="${...}"}.
 */
public final class DelegateNames {

    public static final String ENTER_LEVEL = "enterLevelDelegate";
    public static final String RAISE_LEVEL = "raiseLevelDelegate";
    public static final String CLOSE_ISSUE = "closeIssueDelegate";
    public static final String ACKNOWLEDGE_REMINDER = "acknowledgeReminderDelegate";
    public static final String ACKNOWLEDGE_BREACH = "acknowledgeBreachDelegate";
    public static final String CITY_BREACH = "cityBreachDelegate";
    public static final String RESOLVE_BREACH = "resolveBreachDelegate";

    private DelegateNames() {
    }
}
