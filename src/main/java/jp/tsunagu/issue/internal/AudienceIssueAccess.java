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
        return check(issues.find(issueId), person);
    }

    /** The issue as its view shows it, read in one statement with the check. */
    IssueViewRow requireVisibleView(String issueId, Person person) {
        Optional<IssueViewRow> found = issues.findForView(issueId, person.principals());
        if (found.isPresent() && (IssueAccess.seesEverything(person) || found.get().readerInAudience())) {
            return found.get();
        }
        throw IssueAccess.denied(auditTrail, person, found.map(view -> view.row().summary()));
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
