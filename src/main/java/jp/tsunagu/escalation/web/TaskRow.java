package jp.tsunagu.escalation.web;

import java.time.Duration;

import jp.tsunagu.escalation.TaskView;

/** One line of the task list: the task, its section's name and how much SLA time is left. */
public record TaskRow(TaskView task, String sectionName, Duration remaining, Urgency urgency) {

    /** How close the due time is; the page colours by it and says it in words too. */
    public enum Urgency {
        OVERDUE, SOON, TODAY, OK, PAUSED, NONE;

        /** {@code overdue} is {@link jp.tsunagu.escalation.TaskView#overdueAt}, the overdue filter's own rule. */
        static Urgency of(Duration remaining, boolean overdue, boolean paused) {
            if (remaining == null) {
                return NONE;
            }
            if (paused) {
                return PAUSED;
            }
            if (overdue) {
                return OVERDUE;
            }
            if (remaining.compareTo(Duration.ofHours(1)) <= 0) {
                return SOON;
            }
            return remaining.compareTo(Duration.ofHours(4)) <= 0 ? TODAY : OK;
        }

        public String cssClass() {
            return "urgency-" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
