package jp.tsunagu.notification;

import java.time.OffsetDateTime;
import java.util.List;

import jp.tsunagu.org.Person;

/** The page header's notifications and each person's mail preference. */
public interface InAppNotifications {

    /** The person's notifications, newest first. */
    Page list(Person person, int page, int size);

    /** @throws jp.tsunagu.common.NotFoundException when the person has no notification with this id */
    void markRead(long id, Person person);

    /** Marks every unread notification of the person read; returns how many. */
    int markAllRead(Person person);

    DeliveryMode preference(Person person);

    void choose(Person person, DeliveryMode mode);

    record Page(List<Item> items, long total, long unread) {
    }

    /** One notification: what happened to which issue, in Japanese and English, never with personal details. */
    record Item(long id, NotificationEvent event, String issueId, String issueNumber, String level, String text,
            String textEn, String link, OffsetDateTime createdAt, boolean read) {
    }
}
