package jp.tsunagu.sla.internal;

import static jp.tsunagu.sla.internal.TestCalendars.tokyo;
import static org.assertj.core.api.Assertions.assertThat;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.Sha256;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A node that starts with other holiday data than the open issues' due times were computed with (an override file)
 * moves them once for the cluster: the first node to record the new data does it, the others find it recorded.
 */
@RecordApplicationEvents
class AppliedHolidayDataTest extends AbstractIntegrationTest {

    @Autowired
    AppliedHolidayData applied;

    @Autowired
    CityBusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void aStartWithOtherHolidayDataMovesTheDueTimesOnceForTheCluster() {
        jdbc.sql("delete from holiday_data_applied").update();
        applied.onStart();
        assertThat(appliedSha()).as("recorded at the first start").isEqualTo(Sha256.hex(calendar.holidayDataInUse()));
        assertThat(events.stream(OpeningDaysChanged.class)).as("nothing to compare with").isEmpty();

        String inUse = new String(calendar.holidayDataInUse(), HolidayCsvParser.SHIFT_JIS);
        // The earlier start's file did not have Monday 2027-03-22 (振替休日) yet.
        byte[] earlier = inUse.replace("2027/3/22,休日\r\n", "").getBytes(HolidayCsvParser.SHIFT_JIS);
        jdbc.sql("update holiday_data_applied set csv = ?, sha256 = ? where id = 1")
                .params(earlier, Sha256.hex(earlier)).update();

        applied.onStart();
        applied.onStart(); // a second node starting with the same file

        assertThat(events.stream(OpeningDaysChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.reason()).containsEntry("what", "holiday data at start-up");
            assertThat(change.shift().moved(tokyo("2027-03-22T10:00"), tokyo("2027-03-19T10:00")))
                    .isEqualTo(tokyo("2027-03-23T10:00"));
        });
        assertThat(appliedSha()).isEqualTo(Sha256.hex(calendar.holidayDataInUse()));
    }

    private String appliedSha() {
        return jdbc.sql("select sha256 from holiday_data_applied where id = 1").query(String.class).single();
    }
}
