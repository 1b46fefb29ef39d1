package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_BY;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAcknowledgeBreach: the acknowledge target passed below CITY; the issue escalates by itself. */
@Component(DelegateNames.ACKNOWLEDGE_BREACH)
class AcknowledgeBreachDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    AcknowledgeBreachDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.breachAcknowledge(ISSUE_ID.get(execution), LevelVariables.level(execution),
                ACKNOWLEDGE_BY.get(execution).toInstant());
    }
}
