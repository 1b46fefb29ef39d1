package jp.tsunagu.issue.web;

import static jp.tsunagu.testsupport.DemoPeople.TANAKA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.internal.DashboardQueries;
import jp.tsunagu.issue.internal.DashboardQueries.Arrival;
import jp.tsunagu.issue.internal.DashboardQueries.OpenCount;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DashboardPageController.class)
@WithMockUser(username = "tanaka", roles = "DEPARTMENT_HEAD")
class DashboardPageControllerTest {

    static final Instant NOW = Instant.parse("2026-11-24T01:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DashboardQueries dashboard;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void world() {
        given(clock.instant()).willReturn(NOW);
        given(currentUser.require()).willReturn(TANAKA);
        given(organisation.findSection("shimin-ka"))
                .willReturn(Optional.of(new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section")));
    }

    @Test
    void showsEachFigureWithItsTable() throws Exception {
        given(dashboard.openByLevelAndSection(TANAKA)).willReturn(List.of(
                new OpenCount(Level.SECTION, "shimin-ka", 2), new OpenCount(Level.DEPARTMENT, "shimin-ka", 1)));
        given(dashboard.openCreatedAt(TANAKA)).willReturn(List.of(NOW.minus(Duration.ofHours(3)),
                NOW.minus(Duration.ofDays(20))));
        given(dashboard.arrivals(eq(TANAKA), eq(Instant.parse("2026-10-31T15:00:00Z")), eq(Instant.parse("2026-11-24T15:00:00Z"))))
                .willReturn(List.of(new Arrival("shimin-ka", NOW, Duration.ofMinutes(90), false),
                        new Arrival("shimin-ka", NOW, Duration.ofMinutes(30), false),
                        new Arrival("shimin-ka", NOW, null, true),
                        new Arrival("shimin-ka", NOW, null, false)));

        mvc.perform(get("/dashboard").param("from", "2026-11-01").param("to", "2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<th scope=\"row\">市民課</th>"), containsString("data-total>3</td>"),
                        containsString("25%（4件中1件）"),
                        containsString("<td class=\"num\">0.5</td>"), containsString("<td class=\"num\">1.5</td>"),
                        containsString("1日未満"), containsString("14日以上"),
                        containsString("id=\"table-open\""), containsString("id=\"table-ack\""), containsString("id=\"table-aging\""),
                        containsString("dist/chart.umd.min.js"),
                        // The section column and the level columns are told apart: 所管課 heads one column only.
                        containsString("<th scope=\"col\" class=\"num\">所管課のみ</th>"),
                        not(containsString("<th scope=\"col\" class=\"num\">所管課</th>")))));
    }

    /** The level is called 所管課 everywhere else (tasks, issues, the issue page); the dashboard said 課内のみ. */
    @Test
    void theSectionLevelIsNamedAsOnEveryOtherPage() throws Exception {
        mvc.perform(get("/dashboard"))
                .andExpect(content().string(allOf(not(containsString("課内")),
                        containsString("<th scope=\"col\" class=\"num\">所管課のみ</th>"))));
        mvc.perform(get("/dashboard").param("lang", "en"))
                .andExpect(content().string(allOf(not(containsString("Within the section")),
                        containsString("<th scope=\"col\" class=\"num\">Owning section only</th>"))));
    }

    @Test
    void thePeriodDefaultsToTheLastThirtyDays() throws Exception {
        mvc.perform(get("/dashboard"))
                .andExpect(content().string(allOf(containsString("value=\"2026-10-25\""),
                        containsString("value=\"2026-11-24\""), containsString("期間内に受付対象の課題はありません。"))));
    }

    @Test
    void percentilesAreNearestRankInHours() {
        List<Duration> times = List.of(Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(90),
                Duration.ofHours(10));
        assertThat(DashboardQueries.percentileHours(times, 50)).isEqualTo(1.0);
        assertThat(DashboardQueries.percentileHours(times, 90)).isEqualTo(10.0);
        assertThat(DashboardQueries.percentileHours(List.of(), 50)).isNull();
    }

    @Test
    void agesFallIntoTheirBuckets() {
        var buckets = DashboardPageController.aging(List.of(NOW.minus(Duration.ofHours(2)),
                NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(30))), NOW);
        assertThat(buckets).containsEntry(DashboardPageController.AgeBucket.D0_1, 1L)
                .containsEntry(DashboardPageController.AgeBucket.D1_3, 1L)
                .containsEntry(DashboardPageController.AgeBucket.D14_PLUS, 1L)
                .containsEntry(DashboardPageController.AgeBucket.D7_14, 0L);
    }
}
