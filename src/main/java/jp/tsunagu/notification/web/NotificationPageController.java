package jp.tsunagu.notification.web;

import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.Pager;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.notification.DeliveryMode;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * お知らせ: the caller's in-app notifications, newest first and 50 a page, each marked read with one button or all
 * at once; and how the caller receives non-urgent mail (at once, or in a daily digest).
 */
@Controller
@WebPage
class NotificationPageController {

    static final int PAGE_SIZE = 50;

    private final InAppNotifications notifications;
    private final CurrentUser currentUser;

    NotificationPageController(InAppNotifications notifications, CurrentUser currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @GetMapping("/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Person me = currentUser.require();
        int current = Math.max(page, 0);
        InAppNotifications.Page found = notifications.list(me, current, PAGE_SIZE);
        model.addAttribute("notifications", found);
        model.addAttribute("page", current);
        model.addAttribute("pager", Pager.of(current, PAGE_SIZE, found.items().size(), found.total(),
                number -> "/notifications?page=" + number));
        model.addAttribute("modes", DeliveryMode.values());
        model.addAttribute("preference", notifications.preference(me));
        return "notifications";
    }

    /** Back to the page the button was on, so that a reader working through a later page keeps their place. */
    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes flash) {
        notifications.markRead(id, currentUser.require());
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "notifications.markedRead");
        return page > 0 ? "redirect:/notifications?page=" + page : "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes flash) {
        notifications.markAllRead(currentUser.require());
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "notifications.allRead");
        return "redirect:/notifications";
    }

    /** An unknown mode (only a hand-made request sends one) is refused on the page, and nothing changes. */
    @PostMapping("/notifications/preference")
    String choose(@RequestParam(defaultValue = "") String mode, RedirectAttributes flash) {
        DeliveryMode chosen;
        try {
            chosen = DeliveryMode.valueOf(mode);
        } catch (IllegalArgumentException unknown) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "notifications.preference.error");
            return "redirect:/notifications";
        }
        notifications.choose(currentUser.require(), chosen);
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "notifications.preference.saved");
        return "redirect:/notifications";
    }
}
