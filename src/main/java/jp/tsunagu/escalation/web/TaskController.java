package jp.tsunagu.escalation.web;

import java.util.List;

import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
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
    ResponseEntity<TaskList> tasks() {
        List<TaskView> items = escalation.openTasks(currentUser.require());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new TaskList(items, items.size()));
    }

    record TaskList(List<TaskView> items, int total) {
    }
}
