package jp.tsunagu.audit;

import java.util.Optional;

/**
 * Finds an issue's id by the number users see ({@code 2026-000002}). The issue module, which hands the numbers out and
 * keeps them unique and indexed, provides it, so that the audit module needs no dependency on that module.
 */
public interface IssueNumberLookup {

    /** The id of the issue with exactly this number, or empty when no issue has it. */
    Optional<String> issueIdOf(String number);
}
