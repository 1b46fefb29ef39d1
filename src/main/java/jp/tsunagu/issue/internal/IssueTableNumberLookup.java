package jp.tsunagu.issue.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jp.tsunagu.audit.IssueNumberLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The auditors' lookups between issue numbers and ids, on the issue table's unique index of numbers and its key. */
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

    @Override
    public Map<String, String> numbersOf(Collection<String> issueIds) {
        if (issueIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, number from issue where id in (:ids)").param("ids", issueIds)
                .query((rs, row) -> Map.entry(rs.getString("id"), rs.getString("number"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
