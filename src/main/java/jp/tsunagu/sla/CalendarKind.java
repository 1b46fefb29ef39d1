package jp.tsunagu.sla;

import java.util.Locale;

/** Which clock a target runs on: opening time only, or plain wall-clock time around the clock. */
public enum CalendarKind {

    /** Counts only the city hall's opening hours; a due time on a closed day moves to the next opening. */
    BUSINESS,

    /** A 24/7 clock: {@code P1D} is 24 hours, and due times never move. */
    CONTINUOUS;

    /**
     * Reads the configuration and API spelling, {@code business} or {@code continuous}, in any letter case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static CalendarKind from(String text) {
        if (text != null) {
            for (CalendarKind kind : values()) {
                if (kind.name().equalsIgnoreCase(text)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("calendar must be \"business\" or \"continuous\", not \"" + text + "\"");
    }

    /** The lower-case spelling used in configuration and in the API. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
