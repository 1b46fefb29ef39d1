package jp.tsunagu.escalation.web;

import java.util.List;

import jp.tsunagu.common.InvalidInputException;
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
    static final int MAX_SIZE = 500;

    private final EscalationService escalation;
    private final CurrentUser currentUser;

    TaskController(EscalationService escalation, CurrentUser currentUser) {
        this.escalation = escalation;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/tasks")
    ResponseEntity<TaskList> tasks(@RequestParam(required = false) Integer size) {
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw new InvalidInputException("size", "must be 1 to " + MAX_SIZE);
        }
        Person me = currentUser.require();
        List<TaskView> items = size == null ? escalation.openTasks(me) : escalation.openTasks(me, size);
        // Counted only when the page may have cut the list short; otherwise the items are all there is.
        long total = size != null && items.size() == size ? escalation.openTaskCount(me) : items.size();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TaskList(items, total));
    }

    record TaskList(List<TaskView> items, long total) {
    }
}
