package jp.tsunagu.escalation;

import java.util.List;

import jp.tsunagu.org.Person;

/**
 * What people do to an issue. Each call locks the issue, checks that the caller may act (404 when they may not see
 * it, 403 when they may see it but not act, 409 when the state has moved on), changes it, audits it, and moves the
 * process on, in one transaction.
 */
public interface EscalationService {

    /** The longest page of {@link #openTasks(Person, TaskListFilter, long, int)}. */
    int TASK_LIST_LIMIT = 500;

    void acknowledge(String issueId, Person actor);

    void requestEscalation(String issueId, Person actor, String reason);

    void approveEscalation(String issueId, Person actor, String comment);

    void rejectEscalation(String issueId, Person actor, String comment);

    void resolve(String issueId, Person actor, String resolution);

    void pause(String issueId, Person actor, String reason);

    void resume(String issueId, Person actor, String reason);

    /**
     * The caller's open tasks on one issue, however many they have on others: what the issue's page offers them to
     * do.
     */
    List<TaskView> openTasksOn(String issueId, Person person);

    /**
     * Up to {@code limit} (1 to {@link #TASK_LIST_LIMIT}) of the caller's open tasks that match the filter, from
     * {@code offset} on, in the filter's order: the task list's pages.
     */
    List<TaskView> openTasks(Person person, TaskListFilter filter, long offset, int limit);

    /** How many of the caller's open tasks match the filter, for a list that shows one page of them. */
    long openTaskCount(Person person, TaskListFilter filter);

    /** The codes of the owning sections of the caller's open tasks, for the task list's section filter. */
    List<String> openTaskSections(Person person);

    /**
     * The ids of the activities where the issue's level process stands now, for drawing on the diagram; empty once it
     * has ended. 404 when the caller may not see the issue.
     */
    List<String> currentActivities(String issueId, Person person);
}
