/**
 * Issues: raising them, reading them, commenting on them, and the one place that decides who may see one.
 * <p>
 * An issue's visibility is its <em>audience</em>: a set of principals (see {@link jp.tsunagu.org.Principals}) that
 * grows as the issue is shared. The escalation module moves issues through their levels through
 * {@link jp.tsunagu.issue.IssueLifecycle}; this module announces new issues with {@link jp.tsunagu.issue.IssueRaised}.
 */
package jp.tsunagu.issue;
