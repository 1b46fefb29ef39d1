package jp.tsunagu.testsupport;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/** An issue's timer jobs, read and run as the job executor would, on the engine's clock. */
public final class IssueTimers {

    private final ManagementService management;
    private final RuntimeService runtime;

    public IssueTimers(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    /** Sets the engine's clock, which Tsunagu's clock reads too. */
    public static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    public List<Date> dueDates(String issueId) {
        List<Date> dates = new ArrayList<>();
        for (String instance : instancesOf(issueId)) {
            management.createJobQuery().processInstanceId(instance).timers().list()
                    .forEach(job -> dates.add(job.getDuedate()));
        }
        return dates;
    }

    /** Runs this issue's due, active jobs one at a time, as the job executor would: it never acquires suspended jobs. */
    public void runDueJobsOf(String issueId) {
        for (int i = 0; i < 100; i++) {
            Optional<Job> due = instancesOf(issueId).stream()
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance).executable().active()
                            .list().stream())
                    .findFirst();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get().getId());
        }
        throw new AssertionError("jobs keep falling due");
    }

    /** The issue's timer job of a boundary event, such as {@code Timer_AcknowledgeBreach}. */
    public Job timer(String issueId, String activityId) {
        return instancesOf(issueId).stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance).activityId(activityId)
                        .list().stream())
                .findFirst().orElseThrow(() -> new AssertionError("no " + activityId + " for " + issueId));
    }

    private List<String> instancesOf(String issueId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(issueId).list().stream()
                .map(instance -> instance.getId()).toList();
    }
}
