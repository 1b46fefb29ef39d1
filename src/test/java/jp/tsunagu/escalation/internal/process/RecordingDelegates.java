package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_REMINDER_AT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_CITY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_DEPARTMENT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_SECTION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESOLVE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESPONDER_GROUPS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the Spring delegates: they set the variables the real ones set, with SLA targets on the engine's
 * clock, and record the level each call saw.
 */
final class RecordingDelegates {

    static final Duration ACKNOWLEDGE_TARGET = Duration.ofHours(2);
    static final Duration RESOLVE_TARGET = Duration.ofDays(2);

    private final Map<String, List<String>> calls = new LinkedHashMap<>();

    static RecordingDelegates register() {
        RecordingDelegates delegates = new RecordingDelegates();
        delegates.record(DelegateNames.ENTER_LEVEL, delegates::enterLevel);
        delegates.record(DelegateNames.RAISE_LEVEL, RecordingDelegates::raiseLevel);
        delegates.record(DelegateNames.CLOSE_ISSUE, execution -> { });
        delegates.record(DelegateNames.ACKNOWLEDGE_REMINDER, execution -> { });
        delegates.record(DelegateNames.ACKNOWLEDGE_BREACH, execution -> { });
        delegates.record(DelegateNames.CITY_BREACH, RecordingDelegates::restartAcknowledgeClock);
        delegates.record(DelegateNames.RESOLVE_BREACH, execution -> { });
        return delegates;
    }

    static String respondersOf(String level) {
        return level.toLowerCase(Locale.ROOT) + "-responders," + level.toLowerCase(Locale.ROOT) + "-coordinators";
    }

    static Date plus(Duration duration) {
        return Date.from(ClockUtil.now().toInstant().plus(duration));
    }

    /** The levels seen by each call of the delegate, in order. */
    List<String> calls(String delegateName) {
        return calls.getOrDefault(delegateName, List.of());
    }

    private void record(String delegateName, JavaDelegate behaviour) {
        Mocks.register(delegateName, (JavaDelegate) execution -> {
            calls.computeIfAbsent(delegateName, name -> new ArrayList<>()).add(LEVEL.get(execution));
            behaviour.execute(execution);
        });
    }

    private void enterLevel(DelegateExecution execution) {
        RESPONDER_GROUPS.set(execution, respondersOf(LEVEL.get(execution)));
        restartAcknowledgeClock(execution);
        RESOLVE_BY.set(execution, plus(RESOLVE_TARGET));
    }

    private static void restartAcknowledgeClock(DelegateExecution execution) {
        ACKNOWLEDGE_BY.set(execution, plus(ACKNOWLEDGE_TARGET));
        ACKNOWLEDGE_REMINDER_AT.set(execution, plus(ACKNOWLEDGE_TARGET.dividedBy(2)));
    }

    private static void raiseLevel(DelegateExecution execution) {
        String next = switch (LEVEL.get(execution)) {
            case LEVEL_SECTION -> LEVEL_DEPARTMENT;
            case LEVEL_DEPARTMENT -> LEVEL_CITY;
            default -> throw new IllegalStateException("There is no level above CITY");
        };
        LEVEL.set(execution, next);
    }
}
