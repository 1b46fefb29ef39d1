package jp.tsunagu.sla.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent computation of the national holidays under the Public Holiday Act (国民の祝日に関する法律) as it
 * stands since 2022, to check the shipped file against. Earlier years had one-off moves (2019–2021) that these rules
 * do not know, so they refuse them.
 */
final class JapaneseHolidayRules {

    static final int FIRST_YEAR = 2022;

    // The equinox formula below is the usual approximation, valid from 1980 to 2099.
    static final int LAST_YEAR = 2099;

    static final String SUBSTITUTE_OR_BRIDGE = "休日";

    private JapaneseHolidayRules() {
    }

    static Map<LocalDate, String> holidaysOf(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("these rules only know " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        holidays.put(LocalDate.of(year, 1, 1), "元日");
        holidays.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
        holidays.put(LocalDate.of(year, 2, 11), "建国記念の日");
        holidays.put(LocalDate.of(year, 2, 23), "天皇誕生日");
        holidays.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
        holidays.put(LocalDate.of(year, 4, 29), "昭和の日");
        holidays.put(LocalDate.of(year, 5, 3), "憲法記念日");
        holidays.put(LocalDate.of(year, 5, 4), "みどりの日");
        holidays.put(LocalDate.of(year, 5, 5), "こどもの日");
        holidays.put(nthMonday(year, Month.JULY, 3), "海の日");
        holidays.put(LocalDate.of(year, 8, 11), "山の日");
        holidays.put(nthMonday(year, Month.SEPTEMBER, 3), "敬老の日");
        holidays.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
        holidays.put(nthMonday(year, Month.OCTOBER, 2), "スポーツの日");
        holidays.put(LocalDate.of(year, 11, 3), "文化の日");
        holidays.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
        addBridgeDays(holidays);
        addSubstituteDays(holidays);
        return holidays;
    }

    static int vernalEquinoxDay(int year) {
        return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    static int autumnalEquinoxDay(int year) {
        return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    // Article 3(3): a day that is not itself a holiday, between two holidays, is a day off (国民の休日).
    private static void addBridgeDays(Map<LocalDate, String> holidays) {
        for (LocalDate holiday : Map.copyOf(holidays).keySet()) {
            LocalDate between = holiday.plusDays(1);
            if (!holidays.containsKey(between) && holidays.containsKey(between.plusDays(1))) {
                holidays.put(between, SUBSTITUTE_OR_BRIDGE);
            }
        }
    }

    // Article 3(2): a holiday on a Sunday gives the nearest following day that is not a holiday (振替休日).
    private static void addSubstituteDays(Map<LocalDate, String> holidays) {
        for (LocalDate holiday : Map.copyOf(holidays).keySet()) {
            if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = holiday.plusDays(1);
                while (holidays.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                holidays.put(substitute, SUBSTITUTE_OR_BRIDGE);
            }
        }
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
