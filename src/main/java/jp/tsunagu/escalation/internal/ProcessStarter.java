package jp.tsunagu.escalation.internal;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.CATEGORY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.PERSONAL_INFO;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RELATED_SECTION_COUNT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.SEVERITY;

import jp.tsunagu.escalation.internal.process.IssueEscalationProcess;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueRaised;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts an issue's process in the transaction that raised it: the issue row, the process instance and the audit
 * event commit together or not at all. The engine gets routing data only, never personal details.
 */
@Component
class ProcessStarter {

    private final RuntimeService runtime;
    private final IssueLifecycle lifecycle;

    ProcessStarter(RuntimeService runtime, IssueLifecycle lifecycle) {
        this.runtime = runtime;
        this.lifecycle = lifecycle;
    }

    @EventListener
    void on(IssueRaised raised) {
        VariableMap variables = Variables.createVariables();
        ISSUE_ID.putInto(variables, raised.issueId());
        SEVERITY.putInto(variables, raised.severity().name());
        CATEGORY.putInto(variables, raised.category().name());
        PERSONAL_INFO.putInto(variables, raised.personalInfo());
        RELATED_SECTION_COUNT.putInto(variables, raised.relatedSectionCount());
        ProcessInstance instance = runtime.startProcessInstanceByKey(IssueEscalationProcess.KEY, raised.issueId(),
                variables);
        lifecycle.attachProcess(raised.issueId(), instance.getId());
    }
}
