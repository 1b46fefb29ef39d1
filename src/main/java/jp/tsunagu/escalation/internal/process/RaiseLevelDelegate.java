package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RaiseLevel: the issue leaves its level for the next one. */
@Component(DelegateNames.RAISE_LEVEL)
class RaiseLevelDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    RaiseLevelDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LEVEL.set(execution, transitions.raise(ISSUE_ID.get(execution), LevelVariables.level(execution)).name());
    }
}
