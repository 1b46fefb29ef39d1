package jp.tsunagu.escalation.internal.process;

import java.util.Date;

/**
 * The variables of the escalation processes and the routing decision. Only strings, booleans, integers and dates:
 * the engine refuses Java serialization, so lists travel as comma-separated strings.
 */
public final class ProcessVariables {

    public static final ProcessVariable<String> ISSUE_ID = ProcessVariable.of("issueId", String.class);
    /** LOW, MEDIUM, HIGH or CRITICAL. */
    public static final ProcessVariable<String> SEVERITY = ProcessVariable.of("severity", String.class);
    /** CITIZEN_SERVICE, FACILITY, PERSONAL_INFORMATION, SAFETY, SYSTEM, POLICY or OTHER. */
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.of("category", String.class);
    public static final ProcessVariable<Boolean> PERSONAL_INFO = ProcessVariable.of("personalInfo", Boolean.class);
    /** Sections involved besides the owning one. */
    public static final ProcessVariable<Integer> RELATED_SECTION_COUNT =
            ProcessVariable.of("relatedSectionCount", Integer.class);

    /** SECTION, DEPARTMENT or CITY; the models compare against these literals. */
    public static final ProcessVariable<String> LEVEL = ProcessVariable.of("level", String.class);
    public static final String LEVEL_SECTION = "SECTION";
    public static final String LEVEL_DEPARTMENT = "DEPARTMENT";
    public static final String LEVEL_CITY = "CITY";

    public static final ProcessVariable<Date> ACKNOWLEDGE_BY = ProcessVariable.of("acknowledgeBy", Date.class);
    public static final ProcessVariable<Date> ACKNOWLEDGE_REMINDER_AT =
            ProcessVariable.of("acknowledgeReminderAt", Date.class);
    public static final ProcessVariable<Date> RESOLVE_BY = ProcessVariable.of("resolveBy", Date.class);

    /** Comma-separated candidate group ids of the level's responders. */
    public static final ProcessVariable<String> RESPONDER_GROUPS = ProcessVariable.of("responderGroups", String.class);
    /** Comma-separated candidate group ids of the escalation approvers, given when escalation is requested. */
    public static final ProcessVariable<String> APPROVER_GROUPS = ProcessVariable.of("approverGroups", String.class);

    /** The outcome of Respond: {@link #DECISION_RESOLVE} or {@link #DECISION_REQUEST_ESCALATION}. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("decision", String.class);
    public static final String DECISION_RESOLVE = "RESOLVE";
    public static final String DECISION_REQUEST_ESCALATION = "REQUEST_ESCALATION";

    /** The outcome of Approve escalation. */
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.of("approved", Boolean.class);

    private ProcessVariables() {
    }
}
