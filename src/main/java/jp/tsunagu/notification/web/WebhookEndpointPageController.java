package jp.tsunagu.notification.web;

import static jp.tsunagu.notification.web.WebhookPageController.PAGE;

import java.util.List;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the webhook page's changes to a registered endpoint: switching it off or on, changing its events, removing it.
 * Each goes back to {@link WebhookPageController}'s page. The same {@link Webhooks} service as
 * {@code /api/admin/webhooks}, so every change is audited there.
 */
@Controller
@WebPage
class WebhookEndpointPageController {

    private final Webhooks webhooks;
    private final CurrentUser currentUser;

    WebhookEndpointPageController(Webhooks webhooks, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.currentUser = currentUser;
    }

    @PostMapping(PAGE + "/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "admin.webhooks.disabled",
                () -> webhooks.change(id, new Webhooks.Change(false, null), currentUser.require()));
    }

    @PostMapping(PAGE + "/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "admin.webhooks.enabled",
                () -> webhooks.change(id, new Webhooks.Change(true, null), currentUser.require()));
    }

    /**
     * Changes the events an endpoint hears of. An empty choice is refused with the reason, the endpoint unchanged; a
     * choice equal to the current one changes nothing and is not audited.
     */
    @PostMapping(PAGE + "/{id}/events")
    String changeEvents(@PathVariable String id, @RequestParam(required = false) List<String> events,
            RedirectAttributes flash) {
        try {
            return act(flash, "admin.webhooks.events.saved", () -> webhooks.change(id,
                    new Webhooks.Change(null, WebhookEventChoice.of(events)), currentUser.require()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.webhooks.error.events");
            return "redirect:" + PAGE;
        }
    }

    @PostMapping(PAGE + "/{id}/remove")
    String remove(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "admin.webhooks.removed", () -> webhooks.remove(id, currentUser.require()));
    }

    /** An endpoint another administrator removed a moment ago is said to be gone, on this page. */
    private static String act(RedirectAttributes flash, String successKey, Runnable change) {
        try {
            change.run();
            flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, successKey);
        } catch (NotFoundException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.webhooks.error.gone");
        }
        return "redirect:" + PAGE;
    }
}
