package jp.tsunagu.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.escalation.IssueResolved;
import jp.tsunagu.escalation.IssueShared;
import jp.tsunagu.escalation.SlaBreached;
import jp.tsunagu.escalation.SlaReminderDue;
import jp.tsunagu.issue.AudienceReason;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.org.Principals;
import jp.tsunagu.sla.SlaClock;
import jp.tsunagu.sla.SlaTargets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What the process does on its own: entering a level, moving up, reminders and breaches, closing. The delegates call
 * these; each audits what it changes.
 */
@Service
public class LevelTransitions {

    private final IssueLifecycle lifecycle;
    private final Responders responders;
    private final SlaClock slaClock;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LevelTransitions(IssueLifecycle lifecycle, Responders responders, SlaClock slaClock, AuditTrail auditTrail,
            ApplicationEventPublisher events, Clock clock) {
        this.lifecycle = lifecycle;
        this.responders = responders;
        this.slaClock = slaClock;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
    }

    public LevelAssignment enter(String issueId, Level level) {
        IssueSummary issue = lifecycle.summary(issueId);
        SlaTargets targets = slaClock.targetsFor(issue.severity().name(), clock.instant());
        String calendar = targets.calendar().name().toLowerCase();
        lifecycle.enterLevel(issueId, level, calendar, targets.acknowledgeBy(), targets.resolveBy());
        List<String> responderPrincipals = responders.at(level, issue);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", level.name());
        details.put("calendar", calendar);
        details.put("acknowledgeBy", targets.acknowledgeBy().toString());
        details.put("resolveBy", targets.resolveBy().toString());
        details.put("responders", responderPrincipals);
        auditTrail.record(AuditAction.LEVEL_ENTERED, issueId, details);
        share(issue, level, responderPrincipals);
        return new LevelAssignment(responderPrincipals, targets.acknowledgeBy(), targets.acknowledgeReminderAt(),
                targets.resolveBy());
    }

    /** Reaching DEPARTMENT shares with the whole department; reaching CITY also with every head and the coordinators. */
    private void share(IssueSummary issue, Level level, List<String> responderPrincipals) {
        List<String> added = new ArrayList<>();
        if (level.compareTo(Level.DEPARTMENT) >= 0) {
            added.addAll(lifecycle.share(issue.id(), level, AudienceReason.SHARED_DEPARTMENT,
                    List.of(Principals.department(issue.departmentCode()))));
        }
        if (level == Level.CITY) {
            added.addAll(lifecycle.share(issue.id(), level, AudienceReason.SHARED_CITY,
                    List.of(Principals.DEPARTMENT_HEADS, Principals.CITY_COORDINATORS)));
        }
        if (!added.isEmpty()) {
            auditTrail.record(AuditAction.ISSUE_SHARED, issue.id(), Map.of("level", level.name(), "sharedWith", added));
            events.publishEvent(new IssueShared(issue.id(), level, List.copyOf(added), responderPrincipals));
        }
    }

    public Level raise(String issueId, Level from) {
        Level to = from.next().orElseThrow(() -> new IllegalStateException("CITY is the top level"));
        auditTrail.record(AuditAction.LEVEL_RAISED, issueId, Map.of("from", from.name(), "to", to.name()));
        return to;
    }

    public void remindAcknowledge(String issueId, Level level) {
        IssueSummary issue = lifecycle.summary(issueId);
        List<String> notify = responders.at(level, issue);
        auditTrail.record(AuditAction.SLA_REMINDER_SENT, issueId, Map.of("level", level.name(), "notify", notify));
        events.publishEvent(new SlaReminderDue(issueId, level, notify));
    }

    /** Below CITY a missed acknowledgement escalates by itself: the timer is the enforcement, no approval needed. */
    public void breachAcknowledge(String issueId, Level level, Instant acknowledgeBy) {
        lifecycle.lock(issueId);
        lifecycle.flagAcknowledgeBreach(issueId, acknowledgeBy);
        auditTrail.record(AuditAction.SLA_BREACH_ESCALATED, issueId,
                Map.of("level", level.name(), "acknowledgeBy", acknowledgeBy.toString()));
        events.publishEvent(new SlaBreached(issueId, level, SlaBreached.Target.ACKNOWLEDGE, true, List.of()));
    }

    /**
     * At CITY there is nowhere further to go: notify again and give a fresh acknowledge target. The level's
     * {@code resolveBy} stays, since its clock started when the issue arrived at CITY.
     */
    public LevelAssignment renotifyAtCity(String issueId, Instant resolveBy) {
        IssueSummary issue = lifecycle.lock(issueId);
        SlaTargets targets = ownClockTargets(issue);
        lifecycle.flagAcknowledgeBreach(issueId, targets.acknowledgeBy());
        List<String> notify = responders.cityBreachRecipients(issue);
        auditTrail.record(AuditAction.SLA_BREACH_RENOTIFIED, issueId, Map.of("level", Level.CITY.name(), "notify", notify,
                "nextAcknowledgeBy", targets.acknowledgeBy().toString(), "calendar", targets.calendar().toString()));
        events.publishEvent(new SlaBreached(issueId, Level.CITY, SlaBreached.Target.ACKNOWLEDGE, false, notify));
        return new LevelAssignment(responders.at(Level.CITY, issue), targets.acknowledgeBy(),
                targets.acknowledgeReminderAt(), resolveBy);
    }

    /**
     * The issue keeps the clock it entered CITY with, even if an administrator has switched its severity's clock since:
     * its resolve target, its time left and a pause's shift all count on that clock, and so must a fresh acknowledge
     * target. The policy's current target lengths apply.
     */
    private SlaTargets ownClockTargets(IssueSummary issue) {
        return issue.slaCalendar() == null ? slaClock.targetsFor(issue.severity().name(), clock.instant())
                : slaClock.targetsFor(issue.severity().name(), clock.instant(), issue.slaCalendar());
    }

    /** A missed resolve target flags and notifies; it does not move the issue. */
    public void breachResolve(String issueId, Level level) {
        IssueSummary issue = lifecycle.lock(issueId);
        lifecycle.flagResolveBreach(issueId);
        List<String> notify = responders.at(level, issue);
        auditTrail.record(AuditAction.SLA_RESOLVE_BREACHED, issueId, Map.of("level", level.name(), "notify", notify));
        events.publishEvent(new SlaBreached(issueId, level, SlaBreached.Target.RESOLVE, false, notify));
    }

    public void close(String issueId) {
        IssueSummary issue = lifecycle.summary(issueId);
        events.publishEvent(new IssueResolved(issueId, issue.createdBy(), issue.sectionCode(), issue.resolvedBy()));
    }
}
