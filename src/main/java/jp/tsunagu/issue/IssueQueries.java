package jp.tsunagu.issue;

import jp.tsunagu.org.Person;

/** Reads issues, always through {@link IssueAccess}'s rules. */
public interface IssueQueries {

    IssueView view(String issueId, Person person);

    /** The visible issues, newest first. */
    IssuePage list(IssueFilter filter, Person person);
}
