package jp.tsunagu.escalation.web;

import jp.tsunagu.common.Paging;
import jp.tsunagu.common.web.ItemList;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

    /** As many as the list without a size holds. */
    static final int MAX_SIZE = EscalationService.TASK_LIST_LIMIT;

    private final EscalationService escalation;
    private final CurrentUser currentUser;

    TaskController(EscalationService escalation, CurrentUser currentUser) {
        this.escalation = escalation;
        this.currentUser = currentUser;
    }

    /** The task list's filters, as on the page; {@code total} counts the tasks that match them. */
    @GetMapping("/api/tasks")
    ResponseEntity<ItemList<TaskView>> tasks(@RequestParam(required = false) TaskKind kind,
            @RequestParam(required = false) Level level, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String section, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) TaskSort sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + MAX_SIZE) int size) {
        long offset = Paging.offset(page, size, MAX_SIZE);
        TaskListFilter filter = new TaskFilter(level, severity, section, overdue, sort, kind, null, page).toListFilter();
        TaskPage found = TaskPage.read(escalation, currentUser.require(), filter, offset, size);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ItemList<>(found.items(), found.total()));
    }
}
