package jp.tsunagu.issue.internal;

import java.util.Optional;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.org.Person;
import org.springframework.stereotype.Service;

@Service
class AudienceIssueAccess implements IssueAccess {

    private final IssueRepository issues;
    private final AudienceRepository audience;
    private final AuditTrail auditTrail;

    AudienceIssueAccess(IssueRepository issues, AudienceRepository audience, AuditTrail auditTrail) {
        this.issues = issues;
        this.audience = audience;
        this.auditTrail = auditTrail;
    }

    @Override
    public IssueSummary requireVisible(String issueId, Person person) {
        return requireVisibleRow(issueId, person).summary();
    }

    /** The issue's row, read once for the check and for the caller's view of it. */
    public IssueRow requireVisibleRow(String issueId, Person person) {
        Optional<IssueRow> row = issues.find(issueId);
        check(row, person);
        return row.orElseThrow();
    }

    @Override
    public IssueSummary lockVisible(String issueId, Person person) {
        return check(issues.lock(issueId), person);
    }

    @Override
    public boolean canSee(String issueId, Person person) {
        return IssueAccess.seesEverything(person) || audience.anyOf(issueId, person.principals());
    }

    private IssueSummary check(Optional<IssueRow> row, Person person) {
        Optional<IssueSummary> issue = row.map(IssueRow::summary);
        if (issue.isPresent() && canSee(issue.get().id(), person)) {
            return issue.get();
        }
        throw IssueAccess.denied(auditTrail, person, issue);
    }
}
