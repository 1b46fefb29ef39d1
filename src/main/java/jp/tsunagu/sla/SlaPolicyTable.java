package jp.tsunagu.sla;

import java.time.Instant;
import java.util.List;

/**
 * The SLA policy per severity: the configured default ({@code tsunagu.sla.policies.*}), or an administrator's change
 * to it. A change applies to issues that arrive at a level after it; an issue already at a level keeps the due times
 * it got on arrival. Every change is audited as {@code ADMINISTRATION_CHANGED}.
 */
public interface SlaPolicyTable {

    String UNKNOWN_SEVERITY = "is not a severity";
    String UNKNOWN_CALENDAR = "must be business or continuous";
    String BAD_DURATION = "must be PTnH, PTnM, PTnHnM or PnD";
    String NOT_SHORTER = "must be shorter than the resolve target";
    String ZERO = "must be longer than zero";
    /**
     * A target reaches at most {@link #MAX_DAYS} days or {@link #MAX_HOURS} hours ahead: 60 business days are about
     * three months, so a target stays within the holiday data for as long as the 90-day warning has not fired. A
     * business-hours target past the holiday data would make every raise at that severity fail.
     */
    String TOO_LONG = "must be at most P60D or PT480H";
    int MAX_DAYS = 60;
    int MAX_HOURS = 480;

    /** One line per severity, most severe first. */
    List<Row> rows();

    /**
     * Sets one severity's policy. The texts are read as the configuration reads them ({@code business} or
     * {@code continuous}; {@code PT2H}, {@code PT30M}, {@code P2D}), and the acknowledge target must be shorter than
     * the resolve target on that clock, a business day counting as one day's opening hours. The same policy again is
     * no change.
     *
     * @throws jp.tsunagu.common.InvalidInputException naming the field and one of the messages above
     */
    void change(String severity, String calendar, String acknowledge, String resolve, String changedBy);

    /** Goes back to the configured default; a severity that was not changed stays as it is. */
    void restoreDefault(String severity);

    /**
     * One severity's policy in force, and who changed it when; {@code changedBy} and {@code changedAt} are null while
     * the configured default applies.
     */
    record Row(String severity, CalendarKind calendar, SlaDuration acknowledge, SlaDuration resolve, String changedBy,
            Instant changedAt) {

        public boolean isChanged() {
            return changedBy != null;
        }
    }
}
