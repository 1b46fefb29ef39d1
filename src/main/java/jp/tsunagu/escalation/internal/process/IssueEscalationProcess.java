package jp.tsunagu.escalation.internal.process;

/**
 * Backing class of {@code bpmn/issue-escalation.bpmn}: an issue climbs SECTION → DEPARTMENT → CITY, one
 * {@link IssueLevelProcess} per level, until it is resolved.
 */
public final class IssueEscalationProcess {

    public static final String KEY = "issue-escalation";

    public enum Elements {
        START_EVENT_ISSUE_RAISED("StartEvent_IssueRaised"),
        TASK_DECIDE_INITIAL_LEVEL("Task_DecideInitialLevel"),
        GATEWAY_ENTER_LEVEL("Gateway_EnterLevel"),
        TASK_ENTER_LEVEL("Task_EnterLevel"),
        CALL_ACTIVITY_HANDLE_LEVEL("CallActivity_HandleLevel"),
        BOUNDARY_ESCALATED_TO_NEXT_LEVEL("Boundary_EscalatedToNextLevel"),
        TASK_RAISE_LEVEL("Task_RaiseLevel"),
        TASK_CLOSE_ISSUE("Task_CloseIssue"),
        END_EVENT_ISSUE_RESOLVED("EndEvent_IssueResolved");

        private final String id;

        Elements(String id) {
            this.id = id;
        }

        /** The element id in the model. */
        public String id() {
            return id;
        }
    }

    private IssueEscalationProcess() {
    }
}
