package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendAcknowledgeReminder: half of the acknowledge target has passed. */
@Component(DelegateNames.ACKNOWLEDGE_REMINDER)
class AcknowledgeReminderDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    AcknowledgeReminderDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.remindAcknowledge(ISSUE_ID.get(execution), LevelVariables.level(execution));
    }
}
