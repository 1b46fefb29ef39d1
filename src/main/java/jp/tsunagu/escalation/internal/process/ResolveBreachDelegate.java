package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FlagResolveBreach: the resolve target passed; flag and notify, do not move. */
@Component(DelegateNames.RESOLVE_BREACH)
class ResolveBreachDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    ResolveBreachDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.breachResolve(ISSUE_ID.get(execution), LevelVariables.level(execution));
    }
}
