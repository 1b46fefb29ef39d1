package jp.tsunagu.notification.internal;

import java.time.Instant;
import java.time.ZoneId;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a mail may go: urgent mail at once, other mail at the next opening of the city hall, a digest at the first
 * opening of a later day.
 */
@Component
class QuietHours {

    private static final Logger log = LoggerFactory.getLogger(QuietHours.class);

    private final BusinessCalendar calendar;
    private final ZoneId zone;

    QuietHours(BusinessCalendar calendar, @Value("${tsunagu.calendar.zone:Asia/Tokyo}") ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    Instant notBefore(Instant now, boolean urgent, boolean digest) {
        if (urgent) {
            return now;
        }
        try {
            if (digest) {
                return calendar.nextOpening(now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
            }
            return calendar.nextOpening(now);
        } catch (HolidayDataNotCoveredException noData) {
            // Better a mail at night than none: the administrator is warned about the holiday file elsewhere.
            log.warn("No holiday data for {}; sending without quiet hours", now);
            return now;
        }
    }
}
