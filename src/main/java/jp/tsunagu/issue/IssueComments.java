package jp.tsunagu.issue;

import java.util.List;

import jp.tsunagu.org.Person;

public interface IssueComments {

    CommentView add(String issueId, Person author, String text);

    List<CommentView> list(String issueId, Person reader);

    /**
     * The issue's audit timeline, for those who may see the issue, without the refused attempts (ACCESS_DENIED): who
     * outside the audience tried to look is for the auditors' own timeline, not for the issue's audience. A reveal's
     * purpose is left out for readers who may not reveal the details themselves: it may name the citizen.
     */
    List<HistoryEntry> history(String issueId, Person reader);
}
