package jp.tsunagu.issue;

import java.util.Optional;

import jp.tsunagu.org.Person;

/** Raises issues. */
public interface IssueIntake {

    /** The API's header for the key, and the field of the problem when a key is refused. */
    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * Writes the issue, its audience and its audit event, and announces {@link IssueRaised} so that its process starts,
     * all in one transaction. A repeated {@code idempotencyKey} from the same person returns the first issue.
     */
    RaisedIssue raise(RaiseIssueRequest request, Person raiser, Optional<String> idempotencyKey);

    /** Refuses (403, audited) a person whose role never raises an issue, for any section: auditors and administrators. */
    void requireMayRaise(Person person);
}
