package jp.tsunagu.issue.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.tsunagu.common.web.PageDates;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.internal.DashboardQueries;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * ダッシュボード: open issues by level and section, the acknowledge-breach rate and the time to acknowledge over a
 * period, and the age of open issues. Each chart is drawn from the table beside it, which screen readers read.
 */
@Controller
@WebPage
class DashboardPageController {

    static final int DEFAULT_DAYS = 30;

    private final DashboardQueries dashboard;
    private final CurrentUser currentUser;
    private final Organisation organisation;
    private final Clock clock;

    DashboardPageController(DashboardQueries dashboard, CurrentUser currentUser, Organisation organisation,
            Clock clock) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model, Locale locale) {
        Person me = currentUser.require();
        Instant now = clock.instant();
        LocalDate today = now.atZone(PageDates.CITY_ZONE).toLocalDate();
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null || from.isAfter(end) ? end.minusDays(DEFAULT_DAYS) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("levels", Level.values());
        model.addAttribute("openRows", openRows(me, locale));

        List<DashboardQueries.Arrival> arrivals = dashboard.arrivals(me,
                start.atStartOfDay(PageDates.CITY_ZONE).toInstant(),
                end.plusDays(1).atStartOfDay(PageDates.CITY_ZONE).toInstant());
        long breached = arrivals.stream().filter(DashboardQueries.Arrival::breached).count();
        model.addAttribute("arrivalCount", arrivals.size());
        model.addAttribute("breachCount", breached);
        model.addAttribute("breachPercent", arrivals.isEmpty() ? null
                : Math.round(breached * 1000.0 / arrivals.size()) / 10.0);
        List<AckRow> ackRows = new ArrayList<>();
        DashboardQueries.acknowledgeTimesBySection(arrivals).forEach((section, times) -> ackRows.add(new AckRow(
                sectionName(section, locale), times.size(), DashboardQueries.percentileHours(times, 50),
                DashboardQueries.percentileHours(times, 90))));
        model.addAttribute("ackRows", ackRows);
        model.addAttribute("aging", aging(dashboard.openCreatedAt(me), now));
        return "dashboard";
    }

    private List<OpenRow> openRows(Person me, Locale locale) {
        Map<String, Map<Level, Long>> bySection = new LinkedHashMap<>();
        for (DashboardQueries.OpenCount count : dashboard.openByLevelAndSection(me)) {
            bySection.computeIfAbsent(count.sectionCode(), k -> new EnumMap<>(Level.class))
                    .merge(count.level(), count.count(), Long::sum);
        }
        List<OpenRow> rows = new ArrayList<>();
        bySection.forEach((section, counts) -> rows.add(new OpenRow(sectionName(section, locale),
                counts.getOrDefault(Level.SECTION, 0L), counts.getOrDefault(Level.DEPARTMENT, 0L),
                counts.getOrDefault(Level.CITY, 0L))));
        return rows;
    }

    static Map<AgeBucket, Long> aging(List<Instant> createdAt, Instant now) {
        Map<AgeBucket, Long> buckets = new EnumMap<>(AgeBucket.class);
        for (AgeBucket bucket : AgeBucket.values()) {
            buckets.put(bucket, 0L);
        }
        createdAt.forEach(created -> buckets.merge(AgeBucket.of(Duration.between(created, now)), 1L, Long::sum));
        return buckets;
    }

    private String sectionName(String code, Locale locale) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return organisation.findSection(code).map(s -> english ? s.nameEn() : s.nameJa()).orElse(code);
    }

    public record OpenRow(String section, long sectionLevel, long departmentLevel, long cityLevel) {

        public long total() {
            return sectionLevel + departmentLevel + cityLevel;
        }
    }

    public record AckRow(String section, int count, Double medianHours, Double p90Hours) {
    }

    public enum AgeBucket {
        D0_1(1), D1_3(3), D3_7(7), D7_14(14), D14_PLUS(Integer.MAX_VALUE);

        private final int belowDays;

        AgeBucket(int belowDays) {
            this.belowDays = belowDays;
        }

        static AgeBucket of(Duration age) {
            for (AgeBucket bucket : values()) {
                if (age.toDays() < bucket.belowDays) {
                    return bucket;
                }
            }
            return D14_PLUS;
        }
    }
}
