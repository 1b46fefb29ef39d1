package jp.tsunagu.notification.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.ItemList;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Outbound webhooks, for administrators only (the security configuration guards {@code /api/admin/**}). */
@RestController
@RequestMapping("/api/admin/webhooks")
class WebhookAdminController {

    private final Webhooks webhooks;
    private final CurrentUser currentUser;

    WebhookAdminController(Webhooks webhooks, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.currentUser = currentUser;
    }

    @ApiResponse(responseCode = "201", description = "Registered; the secret is shown this once; Location names it")
    @PostMapping
    ResponseEntity<Webhooks.Registered> register(@RequestBody Webhooks.Registration registration) {
        Webhooks.Registered registered = webhooks.register(registration, currentUser.require());
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + registered.endpoint().id()))
                .cacheControl(CacheControl.noStore()).body(registered);
    }

    /** {@code {"enabled": false}} switches an endpoint off and drops its queued calls; {@code events} changes them. */
    @PatchMapping("/{id}")
    Webhooks.Endpoint change(@PathVariable String id, @RequestBody Webhooks.Change change) {
        return webhooks.change(id, change, currentUser.require());
    }

    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        webhooks.remove(id, currentUser.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ItemList<Webhooks.Endpoint> list() {
        return ItemList.of(webhooks.list());
    }

    /** One endpoint as the list shows it, without its secret. */
    @GetMapping("/{id}")
    Webhooks.Endpoint get(@PathVariable String id) {
        return webhooks.list().stream().filter(endpoint -> endpoint.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such webhook"));
    }

    @GetMapping("/failures")
    ItemList<Webhooks.FailedDelivery> failures() {
        return ItemList.of(webhooks.failures());
    }
}
