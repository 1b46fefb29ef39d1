package jp.tsunagu.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The holiday data every node uses: an administrator's replacement is kept in the database (table
 * {@code holiday_data}), so that all nodes of a cluster compute due times with the same holidays. Until there is
 * one, the file store's data is used: the operator's file at {@code tsunagu.calendar.holiday-file}, else the shipped
 * file.
 */
@Component
class JdbcHolidayDataStore implements HolidayDataStore {

    private final JdbcClient jdbc;
    private final HolidayDataStore files;
    private final Clock clock;
    private final TransactionTemplate transaction;

    JdbcHolidayDataStore(JdbcClient jdbc, CalendarProperties properties, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.files = new FileHolidayDataStore(properties);
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public byte[] load() {
        return stored().orElseGet(files::load);
    }

    @Override
    public void save(byte[] shiftJisCsv) {
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("update holiday_data set csv = ?, saved_at = ? where id = 1")
                    .params(shiftJisCsv, now).update();
            if (updated == 0) {
                jdbc.sql("insert into holiday_data (id, csv, saved_at) values (1, ?, ?)").params(shiftJisCsv, now)
                        .update();
            }
        });
    }

    private Optional<byte[]> stored() {
        return jdbc.sql("select csv from holiday_data where id = 1").query((rs, i) -> rs.getBytes(1)).optional();
    }
}
