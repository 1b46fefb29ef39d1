package jp.tsunagu.issue.internal;

import java.time.Instant;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Readable issue numbers such as {@code 2026-000123}: the year of raising (Asia/Tokyo) and a database sequence, so that
 * concurrent intakes never wait for each other.
 */
@Component
class IssueNumbers {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final String SEQUENCE = "issue_number_seq";

    private final DataFieldMaxValueIncrementer sequence;

    IssueNumbers(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        this.sequence = DatabaseDriver.fromProductName(product) == DatabaseDriver.POSTGRESQL
                ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
                : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
    }

    String next(Instant raisedAt) {
        return "%d-%06d".formatted(raisedAt.atZone(CITY_ZONE).getYear(), sequence.nextLongValue());
    }
}
