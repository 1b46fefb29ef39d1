package jp.tsunagu.escalation.web;

import java.util.List;

import jp.tsunagu.common.Paging;
import jp.tsunagu.common.web.ItemList;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Person;
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

    @GetMapping("/api/tasks")
    ResponseEntity<ItemList<TaskView>> tasks(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + MAX_SIZE) int size) {
        long offset = Paging.offset(page, size, MAX_SIZE);
        Person me = currentUser.require();
        List<TaskView> items = escalation.openTasks(me, offset, size);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ItemList<>(items, total(me, offset, size, items)));
    }

    /**
     * Counted only when the page cannot tell: a short page that holds something, or the first page, ends the list; a
     * full page may have cut it short, and an empty page past the first may lie beyond its end.
     */
    private long total(Person me, long offset, int size, List<TaskView> items) {
        boolean endsTheList = items.size() < size && (offset == 0 || !items.isEmpty());
        return endsTheList ? offset + items.size() : escalation.openTaskCount(me);
    }
}
