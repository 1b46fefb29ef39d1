package jp.tsunagu.escalation.web;

import java.util.List;

import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaskController {

    private final EscalationService escalation;
    private final CurrentUser currentUser;

    TaskController(EscalationService escalation, CurrentUser currentUser) {
        this.escalation = escalation;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/tasks")
    ResponseEntity<TaskList> tasks(@RequestParam(required = false) Integer size) {
        List<TaskView> items = size == null ? escalation.openTasks(currentUser.require())
                : escalation.openTasks(currentUser.require(), size);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TaskList(items, items.size()));
    }

    record TaskList(List<TaskView> items, int total) {
    }
}
