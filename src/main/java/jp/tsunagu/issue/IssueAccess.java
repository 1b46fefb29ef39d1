package jp.tsunagu.issue;

import java.util.Map;
import java.util.Optional;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;

/**
 * The one place that decides who may see an issue: its audience (raiser, owning and related sections, everyone it
 * was shared with, the approvers in its chain) and the auditors. Everybody else is told it does not exist, and the
 * attempt is audited.
 */
public interface IssueAccess {

    /** The issue, if {@code person} may see it; otherwise 404. */
    IssueSummary requireVisible(String issueId, Person person);

    /** As {@link #requireVisible}, and locks the issue until the transaction ends. */
    IssueSummary lockVisible(String issueId, Person person);

    boolean canSee(String issueId, Person person);

    static boolean seesEverything(Person person) {
        return person.role() == Role.AUDITOR;
    }

    /** A 403 on a visible issue: the refusal is audited in a transaction of its own, since the caller's rolls back. */
    static ForbiddenException refused(AuditTrail auditTrail, Person person, String issueId, String reason) {
        auditTrail.recordIndependently(person.username(), AuditAction.ACCESS_DENIED, issueId, Map.of("reason", reason));
        return new ForbiddenException(reason);
    }

    /** Shared by the implementations: refuse, audit, and never confirm that the issue exists. */
    static NotFoundException denied(AuditTrail auditTrail, Person person, Optional<IssueSummary> existing) {
        existing.ifPresent(issue -> auditTrail.recordIndependently(person.username(), AuditAction.ACCESS_DENIED,
                issue.id(), Map.of("reason", "not in the issue's audience")));
        return new NotFoundException("No such issue");
    }
}
