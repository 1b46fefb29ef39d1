/**
 * Escalation: the BPMN processes that move an issue SECTION → DEPARTMENT → CITY, the people who act at each level,
 * and the task list.
 * <p>
 * Every user action (acknowledge, request escalation, approve, reject, resolve, pause, resume) goes through
 * {@link jp.tsunagu.escalation.EscalationService}; the REST API and the pages never touch the engine themselves. The
 * engine's user tasks are projected into Tsunagu's own work-item table in the engine's transaction, so the task list is
 * one indexed query. Past-tense events ({@link jp.tsunagu.escalation.IssueShared},
 * {@link jp.tsunagu.escalation.SlaBreached}, ...) tell the notification module what happened.
 */
package jp.tsunagu.escalation;
