package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESOLVE_BY;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RenotifyCityBreach: at CITY a breach notifies again and sets a fresh acknowledge target. The resolve target
 * stays: its clock started when the issue reached CITY.
 */
@Component(DelegateNames.CITY_BREACH)
class CityBreachDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    CityBreachDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LevelVariables.write(execution,
                transitions.renotifyAtCity(ISSUE_ID.get(execution), RESOLVE_BY.get(execution).toInstant()));
    }
}
