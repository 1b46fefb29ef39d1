package jp.tsunagu.issue.internal;

import static jp.tsunagu.issue.internal.IssueRepository.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.issue.AudienceReason;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.PauseSpan;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaClock;
import org.springframework.stereotype.Service;

@Service
class JdbcIssueLifecycle implements IssueLifecycle {

    private final IssueRepository issues;
    private final AudienceRepository audience;
    private final SlaClock slaClock;
    private final Clock clock;

    JdbcIssueLifecycle(IssueRepository issues, AudienceRepository audience, SlaClock slaClock, Clock clock) {
        this.issues = issues;
        this.audience = audience;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    @Override
    public IssueSummary summary(String issueId) {
        return issues.find(issueId).map(IssueRow::summary).orElseThrow(() -> new NotFoundException("No such issue"));
    }

    @Override
    public IssueSummary lock(String issueId) {
        return issues.lock(issueId).map(IssueRow::summary).orElseThrow(() -> new NotFoundException("No such issue"));
    }

    @Override
    public void attachProcess(String issueId, String processInstanceId) {
        change(issueId, "process_instance_id = ?", processInstanceId);
    }

    @Override
    public void enterLevel(String issueId, Level level, String calendar, Instant acknowledgeBy, Instant resolveBy) {
        Instant now = clock.instant();
        change(issueId, """
                level = ?, status = ?, sla_calendar = ?, level_entered_at = ?, acknowledge_by = ?, resolve_by = ?,
                ack_breached = false, resolve_breached = false, paused_at = null""",
                level.name(), IssueStatus.OPEN.name(), calendar, ts(now), ts(acknowledgeBy), ts(resolveBy));
    }

    @Override
    public List<String> share(String issueId, Level level, AudienceReason reason, Collection<String> principals) {
        return audience.add(issueId, level, reason, principals, clock.instant());
    }

    @Override
    public void changeStatus(String issueId, IssueStatus status) {
        change(issueId, "status = ?", status.name());
    }

    @Override
    public void flagAcknowledgeBreach(String issueId, Instant newAcknowledgeBy) {
        change(issueId, "ack_breached = true, acknowledge_by = ?", ts(newAcknowledgeBy));
    }

    @Override
    public void flagResolveBreach(String issueId) {
        change(issueId, "resolve_breached = true");
    }

    @Override
    public void pause(String issueId, Instant at) {
        change(issueId, "paused_from = status, paused_at = ?, status = ?", ts(at), IssueStatus.PAUSED.name());
    }

    @Override
    public PauseSpan resume(String issueId, IssueStatus statusAfter) {
        IssueRow row = issues.find(issueId).orElseThrow(() -> new NotFoundException("No such issue"));
        Instant now = clock.instant();
        PauseSpan span = new PauseSpan(row.pausedAt() == null ? now : row.pausedAt(), now,
                row.slaCalendar() == null ? CalendarKind.CONTINUOUS : CalendarKind.from(row.slaCalendar()));
        change(issueId, "paused_at = null, paused_from = null, status = ?, acknowledge_by = ?, resolve_by = ?",
                statusAfter.name(), ts(moved(row.acknowledgeBy(), span)), ts(moved(row.resolveBy(), span)));
        return span;
    }

    private Instant moved(Instant due, PauseSpan span) {
        return due == null ? null : slaClock.afterPause(due, span.pausedAt(), span.resumedAt(), span.calendar());
    }

    @Override
    public void resolve(String issueId, String resolution, String resolvedBy) {
        change(issueId, "status = ?, resolution = ?, resolved_by = ?, resolved_at = ?",
                IssueStatus.RESOLVED.name(), resolution, resolvedBy, ts(clock.instant()));
    }

    @Override
    public List<IssueDueTimes> openOnBusinessClock() {
        return issues.openOnCalendar(CalendarKind.BUSINESS.toString());
    }

    @Override
    public IssueDueTimes dueTimes(String issueId) {
        return issues.dueTimes(issueId).orElseThrow(() -> new NotFoundException("No such issue"));
    }

    @Override
    public void moveDueTimes(String issueId, Instant acknowledgeBy, Instant resolveBy) {
        change(issueId, "acknowledge_by = ?, resolve_by = ?", ts(acknowledgeBy), ts(resolveBy));
    }

    private void change(String issueId, String assignments, Object... params) {
        if (issues.update(issueId, assignments, clock.instant(), params) != 1) {
            throw new NotFoundException("No such issue");
        }
    }
}
