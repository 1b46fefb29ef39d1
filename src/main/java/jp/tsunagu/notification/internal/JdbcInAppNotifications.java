package jp.tsunagu.notification.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.Paging;
import jp.tsunagu.notification.DeliveryMode;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.org.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcInAppNotifications implements InAppNotifications {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final int MAX_PAGE_SIZE = 100;

    private final InboxRepository inbox;
    private final PreferenceRepository preferences;
    private final MailTemplates templates;
    private final AuditTrail auditTrail;
    private final Clock clock;

    JdbcInAppNotifications(InboxRepository inbox, PreferenceRepository preferences, MailTemplates templates,
            AuditTrail auditTrail, Clock clock) {
        this.inbox = inbox;
        this.preferences = preferences;
        this.templates = templates;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Override
    public Page list(Person person, int page, int size) {
        long offset = Paging.offset(page, size, MAX_PAGE_SIZE);
        List<Item> items = inbox.newestFirst(person.username(), offset, size).stream().map(this::item).toList();
        return new Page(items, inbox.total(person.username()), inbox.unread(person.username()));
    }

    private Item item(InboxRepository.Row row) {
        Map<String, String> facts = templates.facts(row.payload());
        return new Item(row.id(), row.event(), row.issueId(), facts.get("number"), facts.get("level"),
                templates.headlineJa(row.event(), facts), templates.headlineEn(row.event(), facts),
                "/issues/" + row.issueId(), row.createdAt().atZone(CITY_ZONE).toOffsetDateTime(), row.read());
    }

    @Override
    public void markRead(long id, Person person) {
        if (!inbox.markRead(id, person.username(), clock.instant())) {
            throw new NotFoundException("no such notification", "error.notificationNotFound");
        }
    }

    @Override
    public int markAllRead(Person person) {
        return inbox.markAllRead(person.username(), clock.instant());
    }

    @Override
    public DeliveryMode preference(Person person) {
        return preferences.modeOf(person.username());
    }

    /** A change is audited with the mode before it; choosing the mode already in force changes nothing. */
    @Override
    @Transactional
    public void choose(Person person, DeliveryMode mode) {
        if (mode == null) {
            throw new InvalidInputException("mode", "is required: INSTANT or DAILY_DIGEST");
        }
        DeliveryMode before = preferences.modeOf(person.username());
        if (before == mode) {
            return;
        }
        preferences.save(person.username(), mode, clock.instant());
        auditTrail.record(person.username(), AuditAction.PREFERENCE_CHANGED, null,
                Map.of("what", "mail delivery", "before", before.name(), "mode", mode.name()));
    }
}
