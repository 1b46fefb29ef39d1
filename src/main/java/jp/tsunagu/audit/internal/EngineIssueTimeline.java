package jp.tsunagu.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.IssueNumberLookup;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.common.NotFoundException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Merges the audit trail of an issue with the engine's history of its process instances. The issue's process carries
 * the issue id as its business key; the called level sub-processes are found through their root process instance.
 */
@Service
class EngineIssueTimeline implements IssueTimeline {

    private static final Comparator<TimelineEntry> IN_TIME_ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::source);

    /** An issue number as the intake hands them out: the year and a running number. */
    private static final Pattern ISSUE_NUMBER = Pattern.compile("\\d{4}-\\d{1,12}");

    private final AuditEventRepository events;
    private final HistoryService history;
    private final IssueNumberLookup numbers;

    EngineIssueTimeline(AuditEventRepository events, HistoryService history, IssueNumberLookup numbers) {
        this.events = events;
        this.history = history;
        this.numbers = numbers;
    }

    @Override
    public List<TimelineEntry> of(String issueId) {
        List<AuditEvent> audited = events.forIssue(issueId);
        Set<String> processInstances = processInstancesOf(issueId);
        if (audited.isEmpty() && processInstances.isEmpty()) {
            throw new NotFoundException("No such issue");
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        audited.forEach(event -> timeline.add(TimelineEntries.of(event)));
        for (String processInstance : processInstances) {
            history.createHistoricActivityInstanceQuery().processInstanceId(processInstance).list()
                    .forEach(activity -> timeline.addAll(TimelineEntries.of(activity)));
            history.createHistoricJobLogQuery().processInstanceId(processInstance).list()
                    .forEach(job -> timeline.add(TimelineEntries.of(job)));
        }
        timeline.sort(IN_TIME_ORDER);
        return timeline;
    }

    @Override
    public Optional<String> issueIdOf(String number) {
        // An id (or anything else typed) is no number: it costs no query.
        if (number == null || !ISSUE_NUMBER.matcher(number).matches()) {
            return Optional.empty();
        }
        return numbers.issueIdOf(number);
    }

    @Override
    public Map<String, String> numbersOf(Collection<String> issueIds) {
        return numbers.numbersOf(issueIds);
    }

    private Set<String> processInstancesOf(String issueId) {
        Set<String> ids = new LinkedHashSet<>();
        for (HistoricProcessInstance root : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(issueId).list()) {
            ids.add(root.getId());
            String rootId = root.getRootProcessInstanceId() != null ? root.getRootProcessInstanceId() : root.getId();
            history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId).list()
                    .forEach(instance -> ids.add(instance.getId()));
        }
        return ids;
    }
}
