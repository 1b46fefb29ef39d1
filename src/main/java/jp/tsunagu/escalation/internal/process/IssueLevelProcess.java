package jp.tsunagu.escalation.internal.process;

/**
 * Backing class of {@code bpmn/issue-level.bpmn}: acknowledge, respond and, if needed, approve an escalation at one
 * level. Leaving for the next level throws {@link #ESCALATION_CODE}, caught on the caller's call activity.
 */
public final class IssueLevelProcess {

    public static final String KEY = "issue-level";
    public static final String ESCALATION_CODE = "TO_NEXT_LEVEL";

    public enum Elements {
        START_EVENT_LEVEL_REACHED("StartEvent_LevelReached"),
        SUB_PROCESS_LEVEL("SubProcess_Level"),
        START_EVENT_LEVEL_STARTED("StartEvent_LevelStarted"),
        GATEWAY_AWAIT_ACKNOWLEDGE("Gateway_AwaitAcknowledge"),
        TASK_ACKNOWLEDGE("Task_Acknowledge"),
        TIMER_ACKNOWLEDGE_REMINDER("Timer_AcknowledgeReminder"),
        TASK_SEND_ACKNOWLEDGE_REMINDER("Task_SendAcknowledgeReminder"),
        END_EVENT_REMINDER_SENT("EndEvent_ReminderSent"),
        TIMER_ACKNOWLEDGE_BREACH("Timer_AcknowledgeBreach"),
        GATEWAY_CAN_ESCALATE_FURTHER("Gateway_CanEscalateFurther"),
        FLOW_BREACH_TO_NEXT_LEVEL("Flow_BreachToNextLevel"),
        FLOW_BREACH_AT_CITY("Flow_BreachAtCity"),
        TASK_RECORD_ACKNOWLEDGE_BREACH("Task_RecordAcknowledgeBreach"),
        END_EVENT_BREACH_ESCALATED("EndEvent_BreachEscalated"),
        TASK_RENOTIFY_CITY_BREACH("Task_RenotifyCityBreach"),
        SUB_PROCESS_WORK("SubProcess_Work"),
        START_EVENT_WORK_STARTED("StartEvent_WorkStarted"),
        GATEWAY_AWAIT_RESPONSE("Gateway_AwaitResponse"),
        TASK_RESPOND("Task_Respond"),
        GATEWAY_RESPONSE_DECISION("Gateway_ResponseDecision"),
        FLOW_RESOLVE("Flow_Resolve"),
        FLOW_REQUEST_ESCALATION("Flow_RequestEscalation"),
        END_EVENT_WORK_RESOLVED("EndEvent_WorkResolved"),
        TASK_APPROVE_ESCALATION("Task_ApproveEscalation"),
        GATEWAY_APPROVAL_DECISION("Gateway_ApprovalDecision"),
        FLOW_APPROVED("Flow_Approved"),
        FLOW_REJECTED("Flow_Rejected"),
        END_EVENT_ESCALATION_APPROVED("EndEvent_EscalationApproved"),
        END_EVENT_LEVEL_WORK_DONE("EndEvent_LevelWorkDone"),
        TIMER_RESOLVE_BREACH("Timer_ResolveBreach"),
        TASK_FLAG_RESOLVE_BREACH("Task_FlagResolveBreach"),
        END_EVENT_RESOLVE_BREACH_FLAGGED("EndEvent_ResolveBreachFlagged"),
        END_EVENT_LEVEL_RESOLVED("EndEvent_LevelResolved");

        private final String id;

        Elements(String id) {
            this.id = id;
        }

        /** The element id in the model. */
        public String id() {
            return id;
        }
    }

    private IssueLevelProcess() {
    }
}
