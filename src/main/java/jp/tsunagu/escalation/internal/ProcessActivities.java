package jp.tsunagu.escalation.internal;

import java.util.List;

import jp.tsunagu.escalation.internal.process.IssueLevelProcess;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.org.Person;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Reads where an issue's level process stands, for the diagram on the issue page. */
@Component
class ProcessActivities {

    private final IssueAccess access;
    private final RuntimeService runtime;

    ProcessActivities(IssueAccess access, RuntimeService runtime) {
        this.access = access;
        this.runtime = runtime;
    }

    List<String> current(String issueId, Person person) {
        IssueSummary issue = access.requireVisible(issueId, person);
        if (issue.processInstanceId() == null) {
            return List.of();
        }
        return runtime.createProcessInstanceQuery()
                .rootProcessInstanceId(issue.processInstanceId())
                .processDefinitionKey(IssueLevelProcess.KEY)
                .active()
                .list().stream()
                .flatMap(instance -> runtime.getActiveActivityIds(instance.getId()).stream())
                .distinct()
                .toList();
    }
}
