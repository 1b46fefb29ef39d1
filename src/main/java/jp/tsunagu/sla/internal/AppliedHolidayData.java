package jp.tsunagu.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.common.Sha256;
import jp.tsunagu.sla.HolidayDataReplaced;
import jp.tsunagu.sla.InvalidHolidayDataException;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the holiday file the open issues' due times were computed with (table {@code holiday_data_applied}). A
 * node that starts with another file (an override file at {@code tsunagu.calendar.holiday-file}) publishes
 * {@link OpeningDaysChanged} once for the whole cluster: the first node to record the new file does it.
 */
@Component
class AppliedHolidayData {

    private static final Logger log = LoggerFactory.getLogger(AppliedHolidayData.class);

    private final JdbcClient jdbc;
    private final CityBusinessCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppliedHolidayData(JdbcClient jdbc, CityBusinessCalendar calendar, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        byte[] inUse = calendar.holidayDataInUse();
        Optional<Applied> applied = applied();
        if (applied.isEmpty()) {
            // The first start with this table: the due times were computed with the data in use.
            record(inUse);
            return;
        }
        String earlierSha = applied.get().sha256();
        if (earlierSha.equals(Sha256.hex(inUse)) || !replace(earlierSha, inUse)) {
            return; // unchanged, or another node starting with the same file moved the due times already
        }
        try {
            events.publishEvent(calendar.changedSince(applied.get().csv(), Map.of("what", "holiday data at start-up",
                    "coveredUntil", calendar.holidayDataCoversUntil().toString())));
        } catch (InvalidHolidayDataException e) {
            log.error("The holiday data used before does not parse; open issues keep their due times: {}",
                    e.getMessage());
        }
    }

    /** An administrator's replacement has moved the due times itself; this is what they are computed with now. */
    @EventListener
    void on(HolidayDataReplaced replaced) {
        record(calendar.holidayDataInUse());
    }

    private void record(byte[] csv) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update holiday_data_applied set csv = ?, sha256 = ?, applied_at = ? where id = 1")
                .params(csv, Sha256.hex(csv), now).update();
        if (updated == 0) {
            try {
                jdbc.sql("insert into holiday_data_applied (id, csv, sha256, applied_at) values (1, ?, ?, ?)")
                        .params(csv, Sha256.hex(csv), now).update();
            } catch (DuplicateKeyException anotherNodeFirst) {
                // Two nodes' first start: the other recorded the same data.
            }
        }
    }

    private boolean replace(String earlierSha, byte[] csv) {
        return jdbc.sql("update holiday_data_applied set csv = ?, sha256 = ?, applied_at = ? where id = 1 and sha256 = ?")
                .params(csv, Sha256.hex(csv), Timestamp.from(clock.instant()), earlierSha).update() == 1;
    }

    private Optional<Applied> applied() {
        return jdbc.sql("select csv, sha256 from holiday_data_applied where id = 1")
                .query((rs, i) -> new Applied(rs.getBytes("csv"), rs.getString("sha256"))).optional();
    }

    private record Applied(byte[] csv, String sha256) {
    }
}
