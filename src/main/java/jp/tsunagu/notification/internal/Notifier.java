package jp.tsunagu.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.notification.DeliveryMode;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaPolicyTable;
import org.springframework.stereotype.Component;

/**
 * Writes one notification, in the caller's transaction: an in-app row and a mail for every person behind the
 * principals, and a call for every webhook endpoint of the issue's section or department that wants the event. The
 * payload holds the issue's number and routing codes only; the issue's text and personal details are never read.
 */
@Component
class Notifier {

    private final Organisation organisation;
    private final IssueLifecycle issues;
    private final NotificationKeys keys;
    private final InboxRepository inbox;
    private final OutboxRepository outbox;
    private final WebhookRepository webhooks;
    private final PreferenceRepository preferences;
    private final QuietHours quietHours;
    private final SlaPolicyTable policies;
    private final NotificationProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    Notifier(Organisation organisation, IssueLifecycle issues, NotificationKeys keys, InboxRepository inbox,
            OutboxRepository outbox, WebhookRepository webhooks, PreferenceRepository preferences,
            QuietHours quietHours, SlaPolicyTable policies, NotificationProperties properties, ObjectMapper json,
            Clock clock) {
        this.organisation = organisation;
        this.issues = issues;
        this.keys = keys;
        this.inbox = inbox;
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.preferences = preferences;
        this.quietHours = quietHours;
        this.policies = policies;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    void notify(NotificationEvent event, String issueId, Level level, Collection<String> principals,
            Map<String, String> facts, Set<String> exceptUsers) {
        IssueSummary issue = issues.summary(issueId);
        Level at = level == null ? issue.level() : level;
        String payload = payload(issue, at, facts);
        boolean urgent = runsAroundTheClock(issue);
        Instant now = clock.instant();
        List<String> people = List.copyOf(people(principals, exceptUsers));
        Map<String, String> userKeys = keys.next(event, issueId, at, people.stream().map(u -> "user:" + u).toList());
        Map<String, String> keysByUsername = new LinkedHashMap<>();
        people.forEach(username -> keysByUsername.put(username, userKeys.get("user:" + username)));
        inbox.insert(keysByUsername, event, issueId, payload, now);
        if (properties.mail().enabled()) {
            keysByUsername.forEach((username, key) -> {
                boolean digest = !urgent && preferences.modeOf(username) == DeliveryMode.DAILY_DIGEST;
                outbox.insert(new NewOutboxMessage(key, OutboxMessage.Channel.EMAIL, event, issueId, username, urgent,
                        digest, payload, quietHours.notBefore(now, urgent, digest)), now);
            });
        }
        for (WebhookEndpoint endpoint : webhooks.forIssue(issue.sectionCode(), issue.departmentCode())) {
            if (endpoint.wants(event, issue.sectionCode(), issue.departmentCode(), at)) {
                String key = keys.next(event, issueId, at, "webhook:" + endpoint.id());
                outbox.insert(new NewOutboxMessage(key, OutboxMessage.Channel.WEBHOOK, event, issueId, endpoint.id(),
                        urgent, false, payload, now), now);
            }
        }
    }

    /**
     * Urgent mail goes at night too. An issue whose targets run on the continuous clock (CRITICAL by default, or any
     * severity an administrator put on it) reminds and breaches at night, so its mail cannot wait for the morning. The
     * issue's own clock decides; before it has entered a level, its severity's policy.
     */
    private boolean runsAroundTheClock(IssueSummary issue) {
        CalendarKind kind = issue.slaCalendar() != null ? issue.slaCalendar()
                : policies.rows().stream().filter(row -> row.severity().equals(issue.severity().name()))
                        .map(SlaPolicyTable.Row::calendar).findFirst().orElse(CalendarKind.BUSINESS);
        return kind == CalendarKind.CONTINUOUS;
    }

    /** The usernames of everyone who holds one of these principals. */
    Set<String> people(Collection<String> principals) {
        Set<String> usernames = new LinkedHashSet<>();
        for (String principal : principals) {
            organisation.peopleWithPrincipal(principal).stream().map(Person::username).forEach(usernames::add);
        }
        return usernames;
    }

    private Set<String> people(Collection<String> principals, Set<String> exceptUsers) {
        Set<String> usernames = people(principals);
        usernames.removeAll(exceptUsers);
        return usernames;
    }

    private String payload(IssueSummary issue, Level level, Map<String, String> facts) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("number", issue.number());
        payload.put("severity", issue.severity().name());
        payload.put("level", level.name());
        payload.put("sectionCode", issue.sectionCode());
        payload.put("departmentCode", issue.departmentCode());
        payload.putAll(facts);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
