package jp.tsunagu.escalation.web;

import java.util.List;

import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.org.Person;

/** One page of the caller's tasks that match a filter, and how many match in all: the API's and the page's list. */
record TaskPage(List<TaskView> items, long total) {

    /**
     * Counted only when the page cannot tell: a short page that holds something, or the first page, ends the list; a
     * full page may have cut it short, and an empty page past the first may lie beyond its end.
     */
    static TaskPage read(EscalationService escalation, Person me, TaskListFilter filter, long offset, int size) {
        List<TaskView> items = escalation.openTasks(me, filter, offset, size);
        boolean endsTheList = items.size() < size && (offset == 0 || !items.isEmpty());
        return new TaskPage(items, endsTheList ? offset + items.size() : escalation.openTaskCount(me, filter));
    }
}
