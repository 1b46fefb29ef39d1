package jp.tsunagu.escalation.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.tsunagu.common.web.ApiProblems;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The actions on one issue. Each answers 204; the issue itself is read with {@code GET /api/issues/{id}}. */
@RestController
@RequestMapping("/api/issues/{id}")
class EscalationController {

    private final EscalationService escalation;
    private final CurrentUser currentUser;

    EscalationController(EscalationService escalation, CurrentUser currentUser) {
        this.escalation = escalation;
        this.currentUser = currentUser;
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409})
    @PostMapping("/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable String id) {
        escalation.acknowledge(id, currentUser.require());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409})
    @PostMapping("/escalation-requests")
    ResponseEntity<Void> requestEscalation(@PathVariable String id, @RequestBody ReasonBody body) {
        escalation.requestEscalation(id, currentUser.require(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409, 503})
    @PostMapping("/escalation-requests/current/approve")
    ResponseEntity<Void> approve(@PathVariable String id, @RequestBody(required = false) CommentBody body) {
        escalation.approveEscalation(id, currentUser.require(), body == null ? null : body.comment());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409})
    @PostMapping("/escalation-requests/current/reject")
    ResponseEntity<Void> reject(@PathVariable String id, @RequestBody(required = false) CommentBody body) {
        escalation.rejectEscalation(id, currentUser.require(), body == null ? null : body.comment());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409})
    @PostMapping("/pause")
    ResponseEntity<Void> pause(@PathVariable String id, @RequestBody ReasonBody body) {
        escalation.pause(id, currentUser.require(), body.reason());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409, 503})
    @PostMapping("/resume")
    ResponseEntity<Void> resume(@PathVariable String id, @RequestBody(required = false) ReasonBody body) {
        escalation.resume(id, currentUser.require(), body == null ? null : body.reason());
        return ResponseEntity.noContent().build();
    }

    @ApiResponse(responseCode = "204", description = "Done")
    @ApiProblems({403, 409})
    @PostMapping("/resolve")
    ResponseEntity<Void> resolve(@PathVariable String id, @RequestBody ResolutionBody body) {
        escalation.resolve(id, currentUser.require(), body.resolution());
        return ResponseEntity.noContent().build();
    }

    record ReasonBody(String reason) {
    }

    record CommentBody(String comment) {
    }

    record ResolutionBody(String resolution) {
    }
}
