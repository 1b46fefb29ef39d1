package jp.tsunagu.sla.internal;

import java.time.Clock;
import java.time.LocalDate;

import jp.tsunagu.sla.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operators at start-up when the holiday data is about to run out, while there is time to act. */
@Component
class HolidayDataExpiryWarning {

    static final int WARNING_DAYS = 90;

    private static final Logger log = LoggerFactory.getLogger(HolidayDataExpiryWarning.class);

    private final BusinessCalendar calendar;

    private final Clock clock;

    private final CalendarProperties settings;

    HolidayDataExpiryWarning(BusinessCalendar calendar, Clock clock, CalendarProperties settings) {
        this.calendar = calendar;
        this.clock = clock;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfRunningOut() {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        if (calendar.holidayDataRunsOutWithin(today, WARNING_DAYS)) {
            log.warn("The holiday data ends on {}: load the Cabinet Office's newer syukujitsu.csv"
                    + " (see docs/sla-and-calendar.md)", calendar.holidayDataCoversUntil());
        }
    }
}
