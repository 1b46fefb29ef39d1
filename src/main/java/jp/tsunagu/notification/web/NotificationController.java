package jp.tsunagu.notification.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.tsunagu.notification.DeliveryMode;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's in-app notifications and mail preference. */
@RestController
class NotificationController {

    private final InAppNotifications notifications;
    private final CurrentUser currentUser;

    NotificationController(InAppNotifications notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/notifications")
    ResponseEntity<InAppNotifications.Page> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(notifications.list(currentUser.require(), page, size));
    }

    @ApiResponse(responseCode = "204", description = "Marked read")
    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        notifications.markRead(id, currentUser.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me/notification-preference")
    Preference preference() {
        return new Preference(notifications.preference(currentUser.require()));
    }

    @PutMapping("/api/me/notification-preference")
    Preference choose(@RequestBody Preference preference) {
        notifications.choose(currentUser.require(), preference.mode());
        return preference;
    }

    /** INSTANT or DAILY_DIGEST, for non-urgent mail. */
    record Preference(DeliveryMode mode) {
    }
}
