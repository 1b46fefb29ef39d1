package jp.tsunagu.issue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditQueries;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.FreeText;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.CommentView;
import jp.tsunagu.issue.HistoryEntry;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.org.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcIssueComments implements IssueComments {

    private static final int MAX_LENGTH = 10_000;

    private final JdbcClient jdbc;
    private final IssueAccess access;
    private final AuditTrail auditTrail;
    private final AuditQueries auditQueries;
    private final ObjectMapper json;
    private final Clock clock;
    private final PersonalDetails personalDetails;

    JdbcIssueComments(JdbcClient jdbc, IssueAccess access, AuditTrail auditTrail, AuditQueries auditQueries,
            ObjectMapper json, Clock clock, PersonalDetails personalDetails) {
        this.jdbc = jdbc;
        this.access = access;
        this.auditTrail = auditTrail;
        this.auditQueries = auditQueries;
        this.json = json;
        this.clock = clock;
        this.personalDetails = personalDetails;
    }

    @Override
    public CommentView add(String issueId, Person author, String text) {
        IssueSummary issue = access.requireVisible(issueId, author);
        if (!author.mayChangeIssues()) {
            throw IssueAccess.refused(auditTrail, author, issueId, "Your role reads issues but does not comment on them");
        }
        if (FreeText.isBlank(text) || text.length() > MAX_LENGTH) {
            throw new InvalidInputException("text", "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (FreeText.hasControlCharacters(text, true)) {
            throw new InvalidInputException("text", "must not contain control characters");
        }
        if (issue.status() == IssueStatus.RESOLVED) {
            throw new ConflictException("resolved", "The issue is resolved");
        }
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("insert into issue_comment (id, issue_id, author, body, created_at) values (?, ?, ?, ?, ?)")
                .params(id, issueId, author.username(), text, Timestamp.from(now)).update();
        auditTrail.record(author.username(), AuditAction.COMMENT_ADDED, issueId,
                Map.of("commentId", id, "level", issue.level().name(), "text", text));
        return new CommentView(id, author.username(), text, IssueViews.local(now));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CommentView> list(String issueId, Person reader) {
        access.requireVisible(issueId, reader);
        return jdbc.sql("select id, author, body, created_at from issue_comment where issue_id = ? order by created_at, id")
                .param(issueId)
                .query((rs, i) -> new CommentView(rs.getString("id"), rs.getString("author"), rs.getString("body"),
                        IssueViews.local(rs.getTimestamp("created_at").toInstant())))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(String issueId, Person reader) {
        access.requireVisible(issueId, reader);
        List<HistoryEntry> entries = auditQueries.forIssue(issueId).stream()
                .filter(event -> !AuditAction.ACCESS_DENIED.name().equals(event.action()))
                .map(event -> new HistoryEntry(event.seq(), IssueViews.local(event.occurredAt()), event.actor(),
                        event.action(), parse(event.details())))
                .toList();
        boolean anyReveal = entries.stream().anyMatch(JdbcIssueComments::isReveal);
        if (!anyReveal || personalDetails.mayReveal(issueId, reader)) {
            return entries;
        }
        return entries.stream().map(entry -> isReveal(entry) ? withoutPurpose(entry) : entry).toList();
    }

    private static boolean isReveal(HistoryEntry entry) {
        return AuditAction.PERSONAL_DETAILS_REVEALED.name().equals(entry.action());
    }

    /**
     * Who revealed the details and when stays visible to the issue's whole audience; the purpose they typed may itself
     * name the citizen, so only those who may reveal the details (and the auditors' own timeline) read it.
     */
    private static HistoryEntry withoutPurpose(HistoryEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>(entry.details());
        details.remove("purpose");
        return new HistoryEntry(entry.seq(), entry.at(), entry.actor(), entry.action(), details);
    }

    private Map<String, Object> parse(String details) {
        try {
            return json.readValue(details, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not JSON", e);
        }
    }
}
