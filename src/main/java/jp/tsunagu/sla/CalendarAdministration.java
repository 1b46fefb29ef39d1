package jp.tsunagu.sla;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The administrator's changes to the city's calendar, the same for the API and the page: loading the Cabinet
 * Office's holiday file, and adding and removing one-off closure days. A change, its audit
 * ({@code ADMINISTRATION_CHANGED}) and the record of the due times it moves commit together or not at all; a change
 * that rolls back leaves this node's calendar as the database has it.
 */
public interface CalendarAdministration {

    String DATE_REQUIRED = "is required (yyyy-MM-dd)";
    /** A closure's reason is measured without the space around it, as it is stored. */
    int MAX_REASON_LENGTH = 200;
    String REASON_LENGTH = "must be 1 to " + MAX_REASON_LENGTH + " characters";

    /**
     * Replaces the holiday data ({@link BusinessCalendar#replaceHolidayData}), audited with how far it reached before
     * and how far it reaches now.
     *
     * @return how many open issues' due times the new data touches; they are moved in the background
     * @throws InvalidHolidayDataException when the file is malformed or reaches less far; nothing changes
     */
    int replaceHolidayData(byte[] shiftJisCsv);

    /**
     * Closes the city hall on {@code date}, or gives a date that is a closure already the new reason. A new closure
     * and a new reason are audited; the same reason again is no change.
     *
     * @throws jp.tsunagu.common.InvalidInputException naming {@code date} ({@value #DATE_REQUIRED}) or {@code reason}
     *         ({@value #REASON_LENGTH}); nothing changes
     */
    ClosureSaved addClosure(LocalDate date, String reason, String addedBy);

    /**
     * @return empty when {@code date} is no closure (nothing changes and nothing is audited), else how many open
     *         issues' due times the removal touches; they are moved in the background
     */
    OptionalInt removeClosure(LocalDate date);

    /**
     * @param reason         as stored, without the space around it
     * @param previousReason the date's reason before, empty when it was not a closure
     * @param issuesToMove   how many open issues' due times a new closure touches (none for a new reason)
     */
    record ClosureSaved(String reason, Optional<String> previousReason, int issuesToMove) {

        public boolean isNew() {
            return previousReason.isEmpty();
        }

        /** The date was a closure for this very reason already: nothing changed, nothing was audited. */
        public boolean isUnchanged() {
            return previousReason.filter(reason::equals).isPresent();
        }
    }
}
