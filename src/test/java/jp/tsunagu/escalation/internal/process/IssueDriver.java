package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.APPROVED;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.APPROVER_GROUPS;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.CATEGORY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.DECISION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.DECISION_REQUEST_ESCALATION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.DECISION_RESOLVE;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.PERSONAL_INFO;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RELATED_SECTION_COUNT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.SEVERITY;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Drives an issue through the models the way the escalation service will: by completing tasks and moving time. */
final class IssueDriver {

    /** A Wednesday morning at the city hall. */
    static final Date START = Date.from(ZonedDateTime.of(2026, 4, 1, 9, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
    static final String ISSUE = "issue-0001";
    static final String ISSUE_NUMBER = "2026-000123";

    private final ProcessEngine engine;

    IssueDriver(ProcessEngine engine) {
        this.engine = engine;
        ClockUtil.setCurrentTime(START);
    }

    ProcessInstance raise(String severity, String category, boolean personalInfo, int relatedSectionCount) {
        VariableMap variables = Variables.createVariables();
        ISSUE_ID.putInto(variables, ISSUE);
        SEVERITY.putInto(variables, severity);
        CATEGORY.putInto(variables, category);
        PERSONAL_INFO.putInto(variables, personalInfo);
        RELATED_SECTION_COUNT.putInto(variables, relatedSectionCount);
        return engine.getRuntimeService()
                .startProcessInstanceByKey(IssueEscalationProcess.KEY, ISSUE_NUMBER, variables);
    }

    /** The running instance of {@link IssueLevelProcess} for the issue. */
    ProcessInstance currentLevel(ProcessInstance issue) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .superProcessInstanceId(issue.getId())
                .singleResult();
    }

    void acknowledge(ProcessInstance level) {
        complete(task(IssueLevelProcess.Elements.TASK_ACKNOWLEDGE.id(), level));
    }

    void resolve(ProcessInstance level) {
        complete(task(IssueLevelProcess.Elements.TASK_RESPOND.id(), level),
                DECISION.putInto(Variables.createVariables(), DECISION_RESOLVE));
    }

    void requestEscalation(ProcessInstance level, String approverGroups) {
        VariableMap variables = DECISION.putInto(Variables.createVariables(), DECISION_REQUEST_ESCALATION);
        complete(task(IssueLevelProcess.Elements.TASK_RESPOND.id(), level),
                APPROVER_GROUPS.putInto(variables, approverGroups));
    }

    void approve(ProcessInstance level) {
        decideEscalation(level, true);
    }

    void reject(ProcessInstance level) {
        decideEscalation(level, false);
    }

    private void decideEscalation(ProcessInstance level, boolean approved) {
        complete(task(IssueLevelProcess.Elements.TASK_APPROVE_ESCALATION.id(), level),
                APPROVED.putInto(Variables.createVariables(), approved));
    }

    void moveClockBy(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(duration)));
    }

    /** Fires every timer due by now, earliest first, as the job executor would; returns how many fired. */
    int fireDueTimers() {
        int fired = 0;
        List<Job> due;
        do {
            due = dueTimers();
            for (Job job : due) {
                engine.getManagementService().executeJob(job.getId());
                fired++;
            }
        } while (!due.isEmpty());
        return fired;
    }

    private List<Job> dueTimers() {
        Date justAfterNow = new Date(ClockUtil.now().getTime() + 1);
        List<Job> due = engine.getManagementService().createJobQuery()
                .timers()
                .duedateLowerThan(justAfterNow)
                .orderByJobDuedate().asc()
                .list();
        // a job fired earlier in this round may have removed a later one (an interrupting timer ends its task)
        return due.isEmpty() ? due : List.of(due.get(0));
    }

    List<Job> timers() {
        return engine.getManagementService().createJobQuery().timers().orderByJobDuedate().asc().list();
    }

    /** The timer jobs of one boundary event. */
    List<Job> timers(IssueLevelProcess.Elements timer) {
        return engine.getManagementService().createJobQuery().timers().activityId(timer.id()).list();
    }
}
