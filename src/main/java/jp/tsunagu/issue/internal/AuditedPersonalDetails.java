package jp.tsunagu.issue.internal;

import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.AudienceReason;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Principals;
import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class AuditedPersonalDetails implements PersonalDetails {

    private static final int MAX_PURPOSE = 500;

    private final IssueAccess access;
    private final IssueRepository issues;
    private final JdbcClient jdbc;
    private final PersonalDetailsCipher cipher;
    private final AuditTrail auditTrail;

    AuditedPersonalDetails(IssueAccess access, IssueRepository issues, JdbcClient jdbc, PersonalDetailsCipher cipher,
            AuditTrail auditTrail) {
        this.access = access;
        this.issues = issues;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
    }

    @Override
    public String reveal(String issueId, Person person, String purpose) {
        IssueSummary issue = access.requireVisible(issueId, person);
        if (!mayReveal(issue, person)) {
            throw IssueAccess.refused(auditTrail, person, issueId,
                    "Only the owning section, the approvers and auditors may reveal personal details");
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw new InvalidInputException("purpose", "is required (at most " + MAX_PURPOSE + " characters)");
        }
        String stored = issues.find(issueId).orElseThrow().personalDetails();
        auditTrail.record(person.username(), AuditAction.PERSONAL_DETAILS_REVEALED, issueId,
                Map.of("purpose", purpose.strip(), "present", stored != null));
        return stored == null ? null : cipher.decrypt(stored);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayReveal(String issueId, Person person) {
        return mayReveal(access.requireVisible(issueId, person), person);
    }

    private boolean mayReveal(IssueSummary issue, Person person) {
        if (person.role() == Role.AUDITOR || person.principals().contains(Principals.section(issue.sectionCode()))) {
            return true;
        }
        return jdbc.sql("select count(*) from issue_audience where issue_id = :id and reason = :reason and principal in (:principals)")
                .param("id", issue.id()).param("reason", AudienceReason.APPROVER.name())
                .param("principals", person.principals()).query(Long.class).single() > 0;
    }
}
