package jp.tsunagu.escalation.internal;

import java.time.LocalDate;
import java.util.Optional;

import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import jp.tsunagu.sla.HolidayDataReplaced;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A breach timer whose next level needs a due time beyond the holiday data fails, and once its retries are used up
 * it waits as an incident: the escalation it enforces has not happened, and this application has no console to retry
 * it. When newer holiday data is loaded (through the API or the page, or as a file read at start-up) such jobs get
 * their retries back, so the escalations catch up at once.
 */
@Component
class TimersAwaitingHolidayData {

    private static final Logger log = LoggerFactory.getLogger(TimersAwaitingHolidayData.class);

    /** The engine's default number of attempts. */
    private static final int RETRIES = 3;

    private final ManagementService management;
    private final BusinessCalendar calendar;

    TimersAwaitingHolidayData(ManagementService management, BusinessCalendar calendar) {
        this.management = management;
        this.calendar = calendar;
    }

    @EventListener
    void on(HolidayDataReplaced replaced) {
        retry();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        retry();
    }

    private void retry() {
        LocalDate coveredUntil = calendar.holidayDataCoversUntil();
        int retried = 0;
        for (Job job : management.createJobQuery().noRetriesLeft().list()) {
            Optional<LocalDate> missing = HolidayDataNotCoveredException.dateIn(job.getExceptionMessage());
            if (missing.isPresent() && !missing.get().isAfter(coveredUntil)) {
                try {
                    management.setJobRetries(job.getId(), RETRIES);
                    retried++;
                } catch (OptimisticLockingException anotherNodeFirst) {
                    // Another node starting at the same time gave it its retries back.
                }
            }
        }
        if (retried > 0) {
            log.info("{} jobs that waited for holiday data run again", retried);
        }
    }
}
