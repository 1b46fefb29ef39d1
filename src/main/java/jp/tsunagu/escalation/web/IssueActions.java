package jp.tsunagu.escalation.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Principals;

/**
 * What the caller may do to an issue now, derived from their open tasks for it and their role. The services decide
 * again on every action; this only keeps buttons off the page that would be refused.
 */
public record IssueActions(boolean acknowledge, boolean comment, boolean requestEscalation, boolean approve,
        boolean resolve, boolean pause, boolean resume) {

    static IssueActions of(IssueView issue, Person me, List<TaskView> myTasks) {
        Set<TaskKind> kinds = EnumSet.noneOf(TaskKind.class);
        myTasks.stream().filter(task -> task.issue().id().equals(issue.id())).forEach(task -> kinds.add(task.kind()));
        boolean open = issue.status() != IssueStatus.RESOLVED && me.mayChangeIssues();
        boolean active = open && issue.status() != IssueStatus.PAUSED;
        boolean supervisor = open && me.principals().contains(supervisorPrincipal(issue));
        return new IssueActions(
                active && kinds.contains(TaskKind.ACKNOWLEDGE),
                open,
                active && kinds.contains(TaskKind.RESPOND) && issue.level() != Level.CITY,
                active && kinds.contains(TaskKind.APPROVE_ESCALATION),
                active && kinds.contains(TaskKind.RESPOND),
                supervisor && issue.status() != IssueStatus.PAUSED,
                supervisor && issue.status() == IssueStatus.PAUSED);
    }

    public boolean any() {
        return acknowledge || comment || requestEscalation || approve || resolve || pause || resume;
    }

    /** A pause needs the supervisor at the issue's level: the section chief, or the department head above it. */
    private static String supervisorPrincipal(IssueView issue) {
        return issue.level() == Level.SECTION ? Principals.sectionChief(issue.sectionCode())
                : Principals.departmentHead(issue.departmentCode());
    }
}
