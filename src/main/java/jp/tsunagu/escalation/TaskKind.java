package jp.tsunagu.escalation;

/** The three kinds of work in the task list: 受付, 対応, 承認. */
public enum TaskKind {
    ACKNOWLEDGE, RESPOND, APPROVE_ESCALATION
}
