package jp.tsunagu.issue.internal;

import java.util.Optional;

import jp.tsunagu.audit.IssueNumberLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The auditors' lookup by issue number, on the issue table's unique index of numbers. */
@Component
class IssueTableNumberLookup implements IssueNumberLookup {

    private final JdbcClient jdbc;

    IssueTableNumberLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> issueIdOf(String number) {
        return jdbc.sql("select id from issue where number = ?").param(number).query(String.class).optional();
    }
}
