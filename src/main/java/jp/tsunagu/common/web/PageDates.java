package jp.tsunagu.common.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats times for the pages in the city's zone: {@code 2026年11月24日(火) 10:30} in Japanese, and the Japanese era
 * (令和8年11月24日) on request.
 */
public final class PageDates {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter JA_SECONDS =
            DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm:ss", Locale.JAPANESE);
    private static final DateTimeFormatter EN_SECONDS =
            DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter JA_DAY = DateTimeFormatter.ofPattern("uuuu年M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final boolean japanese;

    public PageDates(Locale locale) {
        this.japanese = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public String format(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(CITY_ZONE).format(japanese ? JA : EN);
    }

    /** To the second, for the audit pages, where many events fall in one minute. */
    public String formatWithSeconds(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(CITY_ZONE).format(japanese ? JA_SECONDS : EN_SECONDS);
    }

    public String format(Instant time) {
        return time == null ? "" : format(time.atOffset(ZoneOffset.UTC));
    }

    /**
     * The end of a validity, given as the first instant that is no longer valid. One that stops at midnight is said as
     * the last day it covers ({@code 2027年6月10日(木)} for 6月11日 00:00), which is the day the administrator chose; any
     * other instant as it is.
     */
    public String lastValidMoment(OffsetDateTime firstRefused) {
        if (firstRefused == null) {
            return "";
        }
        var local = firstRefused.atZoneSameInstant(CITY_ZONE);
        if (!local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return format(firstRefused);
        }
        String lastDay = local.toLocalDate().minusDays(1).format(japanese ? JA_DAY : EN_DAY);
        return japanese ? lastDay : "the end of " + lastDay;
    }

    /** The date in the Japanese calendar, e.g. 令和8年11月24日. */
    public String wareki(OffsetDateTime time) {
        return time == null ? "" : WAREKI.format(JapaneseDate.from(time.atZoneSameInstant(CITY_ZONE).toLocalDate()));
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String iso(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(CITY_ZONE).format(ISO);
    }

    /** A duration as hours and minutes, e.g. {@code 2時間15分} or {@code 2 h 15 min}; the sign is dropped. */
    public String hoursAndMinutes(Duration duration) {
        Duration d = duration.abs();
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        if (japanese) {
            return hours > 0 ? hours + "時間" + minutes + "分" : minutes + "分";
        }
        return hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }
}
