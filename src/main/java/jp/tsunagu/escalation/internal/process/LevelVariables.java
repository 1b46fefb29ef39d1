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

    static void write(VariableScope scope, LevelAssignment assignment) {
        RESPONDER_GROUPS.set(scope, String.join(",", assignment.responders()));
        ACKNOWLEDGE_BY.set(scope, Date.from(assignment.acknowledgeBy()));
        ACKNOWLEDGE_REMINDER_AT.set(scope, Date.from(assignment.acknowledgeReminderAt()));
        RESOLVE_BY.set(scope, Date.from(assignment.resolveBy()));
    }
}
