package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_REMINDER_AT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESOLVE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESPONDER_GROUPS;

import java.util.Date;

import jp.tsunagu.escalation.internal.LevelAssignment;
import jp.tsunagu.issue.Level;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the level and writes a level's assignment into the process, for the delegates. */
final class LevelVariables {

    private LevelVariables() {
    }

    static Level level(VariableScope scope) {
        return Level.valueOf(LEVEL.get(scope));
    }

    /** Writes a level's assignment into the level's own instance, which keeps it (a CITY re-notification). */
    static void write(VariableScope scope, LevelAssignment assignment) {
        RESPONDER_GROUPS.set(scope, String.join(",", assignment.responders()));
        ACKNOWLEDGE_BY.set(scope, Date.from(assignment.acknowledgeBy()));
        ACKNOWLEDGE_REMINDER_AT.set(scope, Date.from(assignment.acknowledgeReminderAt()));
        RESOLVE_BY.set(scope, Date.from(assignment.resolveBy()));
    }

    /**
     * Hands the level's assignment to the level sub-process, which Task_EnterLevel's transaction starts next. The
     * values are transient in the issue's process: the call activity copies them ({@code sourceExpression}) into the
     * level's instance, which keeps them. The issue's process has no use for them after that, so storing them there,
     * and their history, at every level entered would be work for nothing.
     */
    static void handOver(VariableScope scope, LevelAssignment assignment) {
        RESPONDER_GROUPS.setTransient(scope, String.join(",", assignment.responders()));
        ACKNOWLEDGE_BY.setTransient(scope, Date.from(assignment.acknowledgeBy()));
        ACKNOWLEDGE_REMINDER_AT.setTransient(scope, Date.from(assignment.acknowledgeReminderAt()));
        RESOLVE_BY.setTransient(scope, Date.from(assignment.resolveBy()));
    }
}
