package jp.tsunagu.escalation.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node looks for calendar changes to apply to the open issues every {@code tsunagu.calendar.move-worker.interval}
 * (5 seconds); the first to claim one works it. {@code tsunagu.calendar.move-worker.enabled=false} leaves it to the
 * caller of {@link CalendarChangeWorker#moveDue()} (the tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tsunagu.calendar.move-worker.enabled", havingValue = "true", matchIfMissing = true)
class CalendarChangeSchedule {

    private final CalendarChangeWorker worker;

    CalendarChangeSchedule(CalendarChangeWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${tsunagu.calendar.move-worker.interval:PT5S}",
            initialDelayString = "${tsunagu.calendar.move-worker.interval:PT5S}")
    void moveDue() {
        worker.moveDue();
    }
}
