package jp.tsunagu.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.sla.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A replacement holiday file is kept in the database, where every node reads it. */
class JdbcHolidayDataStoreTest extends AbstractIntegrationTest {

    @Autowired
    HolidayDataStore store;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    @AfterEach
    void backToTheShippedFile() {
        jdbc.sql("delete from holiday_data").update();
        ((CityBusinessCalendar) calendar).refresh();
    }

    @Test
    void theShippedFileUntilAReplacementThenTheReplacementForEveryNode() {
        assertThat(store).isInstanceOf(JdbcHolidayDataStore.class);
        assertThat(store.load()).isEqualTo(TestCalendars.shippedData().load());

        calendar.replaceHolidayData(HolidayDataReplacementTests.withYear2028());

        assertThat(jdbc.sql("select count(*) from holiday_data").query(Long.class).single()).isOne();
        assertThat(store.load()).isEqualTo(HolidayDataReplacementTests.withYear2028());
        CityBusinessCalendar anotherNode = new CityBusinessCalendar(CalendarProperties.defaults(), store,
                new InMemoryClosureStore());
        assertThat(anotherNode.holidayDataCoversUntil()).isEqualTo(LocalDate.of(2028, 12, 31));

        byte[] again = HolidayDataReplacementTests.withYear2028();
        store.save(again);
        assertThat(jdbc.sql("select count(*) from holiday_data").query(Long.class).single()).isOne();
    }
}
