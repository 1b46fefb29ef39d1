package jp.tsunagu.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an issue's id by the number users see ({@code 2026-000002}). The issue module, which hands the numbers out and
 * keeps them unique and indexed, provides it, so that the audit module needs no dependency on that module.
 */
public interface IssueNumberLookup {

    /** The id of the issue with exactly this number, or empty when no issue has it. */
    Optional<String> issueIdOf(String number);

    /** The numbers of those of the issues that exist, by id, in one query; an id of no issue has no entry. */
    Map<String, String> numbersOf(Collection<String> issueIds);
}
