package jp.tsunagu.escalation.web;

import static jp.tsunagu.escalation.web.PageFixtures.HOKEN;
import static jp.tsunagu.escalation.web.PageFixtures.NOW;
import static jp.tsunagu.escalation.web.PageFixtures.SHIMIN;
import static jp.tsunagu.escalation.web.PageFixtures.task;
import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TaskPageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class TaskPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EscalationService escalation;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void world() {
        Instant now = NOW.toInstant();
        given(clock.instant()).willReturn(now);
        given(currentUser.require()).willReturn(SATO);
        given(organisation.findSection("shimin-ka")).willReturn(Optional.of(SHIMIN));
        given(organisation.findSection("hoken-nenkin")).willReturn(Optional.of(HOKEN));
        given(escalation.openTasks(SATO)).willReturn(List.of(
                task("1", TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.HIGH, "shimin-ka", NOW.minusMinutes(30)),
                task("2", TaskKind.RESPOND, Level.DEPARTMENT, Severity.MEDIUM, "hoken-nenkin", NOW.plusHours(2)),
                task("3", TaskKind.APPROVE_ESCALATION, Level.CITY, Severity.LOW, "shimin-ka", NOW.plusDays(3))));
    }

    @Test
    void listsTheCallersTasksWithKindLevelSectionAndTimeLeft() throws Exception {
        mvc.perform(get("/tasks"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("受付"), containsString("対応"), containsString("承認"),
                        containsString("所管課"), containsString("部内共有"), containsString("庁内共有"),
                        containsString("保険年金課"),
                        containsString("2026年11月24日(火) 10:00"),
                        containsString("期限超過 30分"), containsString("残り 2時間0分"), containsString("（超過）"),
                        containsString("urgency-overdue"), containsString("urgency-today"),
                        containsString("hx-get=\"/tasks/rows\""), containsString("hx-trigger=\"every 30s\""))));
    }

    @Test
    void filtersAreKeptInThePollingUrlAndByTheLanguageSwitch() throws Exception {
        mvc.perform(get("/tasks?level=DEPARTMENT&sort=due-desc&lang=ja"))
                .andExpect(content().string(allOf(
                        containsString("href=\"/tasks?level=DEPARTMENT&amp;sort=due-desc&amp;lang=en\""),
                        containsString("件名2"), not(containsString("件名1")), not(containsString("件名3")),
                        containsString("hx-get=\"/tasks/rows?level=DEPARTMENT&amp;sort=due-desc\""))));
    }

    @Test
    void overdueOnlyShowsWhatIsPastItsDueTime() throws Exception {
        mvc.perform(get("/tasks").param("overdue", "true").param("section", "shimin-ka"))
                .andExpect(content().string(allOf(containsString("件名1"), not(containsString("件名2")),
                        not(containsString("件名3")))));
    }

    @Test
    void theAutomaticRefreshCanBeStoppedAndKeyboardFocusHasStableTargets() throws Exception {
        mvc.perform(get("/tasks").param("level", "SECTION"))
                .andExpect(content().string(allOf(containsString("hx-trigger=\"every 30s\""),
                        containsString("id=\"task-task-1-ACKNOWLEDGE\""),
                        containsString("href=\"/tasks?level=SECTION&amp;refresh=off\""), containsString("自動更新を停止"))));
        mvc.perform(get("/tasks").param("level", "SECTION").param("refresh", "off"))
                .andExpect(content().string(allOf(not(containsString("hx-trigger")), not(containsString("hx-get")),
                        containsString("自動更新は停止中"), containsString("href=\"/tasks?level=SECTION\""),
                        containsString("自動更新を再開"))));
    }

    @Test
    void anAcknowledgeTaskAtCityWhoseTargetPassedSaysItWasRenotified() throws Exception {
        given(escalation.openTasks(SATO)).willReturn(List.of(
                new TaskView("t-5", TaskKind.ACKNOWLEDGE, Level.CITY, NOW.plusMinutes(29), Duration.ofMinutes(29),
                        new TaskView.IssueRef("5", "2026-00005", "件名5", Severity.CRITICAL, IssueStatus.OPEN,
                                "shimin-ka", true)),
                new TaskView("t-6", TaskKind.ACKNOWLEDGE, Level.CITY, NOW.plusMinutes(29), Duration.ofMinutes(29),
                        new TaskView.IssueRef("6", "2026-00006", "件名6", Severity.CRITICAL, IssueStatus.OPEN,
                                "shimin-ka", false))));
        String page = mvc.perform(get("/tasks")).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.split("受付期限を超過・再通知済み", -1)).as("one marker, for 件名5")
                .hasSize(2);
        org.assertj.core.api.Assertions.assertThat(page.indexOf("受付期限を超過・再通知済み"))
                .isBetween(page.indexOf("件名5"), page.indexOf("件名6"));
    }

    @Test
    void aPausedTaskIsNeverOverdueAndSaysItsClockStandsStill() throws Exception {
        // Paused with 40 minutes left; the wall clock has since passed the due time, the issue's clock has not.
        given(escalation.openTasks(SATO)).willReturn(List.of(new TaskView("t-4", TaskKind.ACKNOWLEDGE, Level.SECTION,
                NOW.minusMinutes(45), Duration.ofMinutes(40), new TaskView.IssueRef("4", "2026-00004", "件名4",
                        Severity.MEDIUM, IssueStatus.PAUSED, "shimin-ka"))));
        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("件名4"), containsString("残り 40分"),
                        containsString("保留中・期限は止まっています"), containsString("urgency-paused"),
                        not(containsString("urgency-overdue")), not(containsString("期限超過 45分")))));
        mvc.perform(get("/tasks").param("overdue", "true"))
                .andExpect(content().string(not(containsString("件名4"))));
    }

    @Test
    void anUnknownKindOrOverdueValueSaysTheConditionsAreWrongWithAWayBack() throws Exception {
        for (String query : List.of("kind=FOO", "overdue=x", "level=TOP")) {
            mvc.perform(get("/tasks?" + query))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("指定された条件が正しくありません。"),
                            containsString("<a href=\"/tasks\" id=\"retry-link\">条件を指定せずに表示する</a>"),
                            not(containsString("エラーが発生しました")))));
        }
    }

    @Test
    void theTwoNearUrgenciesSayHowNear() throws Exception {
        given(escalation.openTasks(SATO)).willReturn(List.of(
                task("1", TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.HIGH, "shimin-ka", NOW.plusMinutes(40)),
                task("2", TaskKind.RESPOND, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW.plusHours(3))));

        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("（期限まで1時間以内）"),
                        containsString("（期限まで4時間以内）"))));
        mvc.perform(get("/tasks").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("(Due within 1 hour)"),
                        containsString("(Due within 4 hours)"))));
    }

    @Test
    void thePollingFragmentIsTheTableAlone() throws Exception {
        mvc.perform(get("/tasks/rows").param("severity", "LOW"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"task-rows\""), containsString("件名3"),
                        not(containsString("件名1")), not(containsString("<html")), not(containsString("<nav")))));
    }

    @Test
    void aListCutAtItsLimitSaysHowManyTasksThereAreAndThatFiltersWorkWithinTheFirstOnes() throws Exception {
        List<TaskView> first = new java.util.ArrayList<>();
        for (int i = 0; i < EscalationService.TASK_LIST_LIMIT; i++) {
            first.add(task(String.valueOf(i), TaskKind.RESPOND, Level.SECTION, Severity.MEDIUM, "shimin-ka",
                    NOW.plusMinutes(i + 1)));
        }
        given(escalation.openTasks(SATO)).willReturn(first);
        given(escalation.openTaskCount(SATO)).willReturn(1234L);

        mvc.perform(get("/tasks").param("severity", "LOW"))
                .andExpect(content().string(allOf(not(containsString("500件中")),
                        containsString("未完了のタスク（全1,234件。期限が近い500件のうち0件を表示）"),
                        containsString("期限が近い500件だけを読み込んでいます"),
                        containsString("ほかの課題は課題一覧で探せます"))));
        mvc.perform(get("/tasks/rows").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Open tasks (1,234 in all; showing 500 of the 500 due soonest)"),
                        containsString("only the 500 due soonest"))));
    }

    @Test
    void aListShorterThanItsLimitIsCountedWithoutAskingAgain() throws Exception {
        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("未完了のタスク（3件中3件を表示）"),
                        not(containsString("期限が近い500件だけ")))));
        org.mockito.Mockito.verify(escalation, org.mockito.Mockito.never()).openTaskCount(SATO);
    }

    @Test
    void speaksEnglishOnRequest() throws Exception {
        mvc.perform(get("/tasks").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Acknowledge"), containsString("Overdue by 30 min"),
                        containsString(" (Overdue)"), not(containsString("（")),
                        containsString("Insurance and Pension Section"), containsString("Tue 24 Nov 2026 10:00"))));
    }
}
