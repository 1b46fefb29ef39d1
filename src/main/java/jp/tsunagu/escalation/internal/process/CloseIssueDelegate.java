package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;

import jp.tsunagu.escalation.internal.LevelTransitions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CloseIssue: the resolution is recorded; publishes {@code IssueResolved}, which tells the raiser unless they
 * resolved it themselves.
 */
@Component(DelegateNames.CLOSE_ISSUE)
class CloseIssueDelegate implements JavaDelegate {

    private final LevelTransitions transitions;

    CloseIssueDelegate(LevelTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.close(ISSUE_ID.get(execution));
    }
}
