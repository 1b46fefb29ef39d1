package jp.tsunagu.notification.web;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.org.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** お知らせ: the caller's in-app notifications, newest first, each marked read with one button. */
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
        model.addAttribute("notifications", notifications.list(currentUser.require(), Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("page", Math.max(page, 0));
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id) {
        notifications.markRead(id, currentUser.require());
        return "redirect:/notifications";
    }
}
