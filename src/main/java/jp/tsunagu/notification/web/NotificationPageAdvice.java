package jp.tsunagu.notification.web;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.org.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the caller's unread count into every page, for the header's お知らせ link. Its collaborators are optional so
 * that other modules' page slices ({@code @WebMvcTest}) start without them.
 */
@ControllerAdvice(annotations = WebPage.class)
class NotificationPageAdvice {

    private final ObjectProvider<InAppNotifications> notifications;
    private final ObjectProvider<CurrentUser> currentUser;

    NotificationPageAdvice(ObjectProvider<InAppNotifications> notifications, ObjectProvider<CurrentUser> currentUser) {
        this.notifications = notifications;
        this.currentUser = currentUser;
    }

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications() {
        InAppNotifications inbox = notifications.getIfAvailable();
        CurrentUser caller = currentUser.getIfAvailable();
        if (inbox == null || caller == null) {
            return null;
        }
        return caller.find().map(person -> inbox.list(person, 0, 1).unread()).orElse(null);
    }
}
