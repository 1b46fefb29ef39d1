package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_EnterLevel: share the issue, start the level's SLA clock, name its responders. */
@Component(DelegateNames.ENTER_LEVEL)
class EnterLevelDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    EnterLevelDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LevelVariables.handOver(execution, transitions.enter(ISSUE_ID.get(execution), LevelVariables.level(execution)));
    }
}
