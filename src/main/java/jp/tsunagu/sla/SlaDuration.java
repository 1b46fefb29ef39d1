package jp.tsunagu.sla;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLA target: either whole days ({@code PnD}) or a time in hours and minutes ({@code PTnH}, {@code PTnM},
 * {@code PTnHnM}), never both. The two count differently on the business clock: days are whole business days,
 * hours and minutes are opening time.
 *
 * @param days whole days, or 0 for a time-based target
 * @param time hours and minutes, or zero for a day-based target
 */
public record SlaDuration(int days, Duration time) {

    // Up to 6 digits keeps every value far from overflow; nobody sets a 1,000,000-hour target.
    private static final Pattern DAYS = Pattern.compile("P(\\d{1,6})D", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("PT(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?", Pattern.CASE_INSENSITIVE);

    public SlaDuration {
        Objects.requireNonNull(time, "time");
        if (days < 0 || time.isNegative()) {
            throw new IllegalArgumentException("an SLA duration cannot be negative");
        }
        if (days > 0 && !time.isZero()) {
            throw new IllegalArgumentException("an SLA duration is either whole days or a time, not both");
        }
        if (days == 0 && time.isZero()) {
            throw new IllegalArgumentException("an SLA duration must be longer than zero");
        }
        if (time.toSecondsPart() != 0 || time.toNanosPart() != 0) {
            throw new IllegalArgumentException("an SLA duration counts whole minutes");
        }
    }

    /**
     * Reads {@code PTnH}, {@code PTnM}, {@code PTnHnM} or {@code PnD}, for example {@code PT2H}, {@code PT1H30M} or
     * {@code P5D}.
     *
     * @throws IllegalArgumentException for anything else, including zero, weeks, months, seconds and mixed forms
     */
    public static SlaDuration parse(String iso) {
        if (iso != null) {
            Matcher days = DAYS.matcher(iso);
            if (days.matches()) {
                return checked(iso, () -> ofDays(Integer.parseInt(days.group(1))));
            }
            Matcher time = TIME.matcher(iso);
            if (time.matches() && (time.group(1) != null || time.group(2) != null)) {
                long hours = time.group(1) == null ? 0 : Long.parseLong(time.group(1));
                long minutes = time.group(2) == null ? 0 : Long.parseLong(time.group(2));
                return checked(iso, () -> ofTime(Duration.ofHours(hours).plusMinutes(minutes)));
            }
        }
        throw new IllegalArgumentException("\"" + iso + "\" is not a supported SLA duration;"
                + " use PTnH, PTnM, PTnHnM or PnD, for example PT2H, PT30M, PT1H30M or P2D");
    }

    public static SlaDuration ofDays(int days) {
        return new SlaDuration(days, Duration.ZERO);
    }

    public static SlaDuration ofTime(Duration time) {
        return new SlaDuration(0, time);
    }

    public boolean isWholeDays() {
        return days > 0;
    }

    /** The length on the continuous clock, where a day is 24 hours. */
    public Duration wallClockLength() {
        return isWholeDays() ? Duration.ofDays(days) : time;
    }

    /** The ISO-8601 text, as {@link #parse} reads it. */
    @Override
    public String toString() {
        if (isWholeDays()) {
            return "P" + days + "D";
        }
        String hours = time.toHours() > 0 ? time.toHours() + "H" : "";
        String minutes = time.toMinutesPart() > 0 ? time.toMinutesPart() + "M" : "";
        return "PT" + hours + minutes;
    }

    private static SlaDuration checked(String iso, java.util.function.Supplier<SlaDuration> factory) {
        try {
            return factory.get();
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + iso + "\": " + e.getMessage(), e);
        }
    }
}
