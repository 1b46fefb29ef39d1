package jp.tsunagu.escalation.web;

import static jp.tsunagu.escalation.web.PageFixtures.HOKEN;
import static jp.tsunagu.escalation.web.PageFixtures.NOW;
import static jp.tsunagu.escalation.web.PageFixtures.SHIMIN;
import static jp.tsunagu.escalation.web.PageFixtures.task;
import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
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
        given(escalation.openTaskSections(SATO)).willReturn(List.of("hoken-nenkin", "shimin-ka"));
        listed(TaskListFilter.UNFILTERED, TASK_1, TASK_2, TASK_3);
    }

    static final TaskView TASK_1 = task("1", TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.HIGH, "shimin-ka",
            NOW.minusMinutes(30));
    static final TaskView TASK_2 = task("2", TaskKind.RESPOND, Level.DEPARTMENT, Severity.MEDIUM, "hoken-nenkin",
            NOW.plusHours(2));
    static final TaskView TASK_3 = task("3", TaskKind.APPROVE_ESCALATION, Level.CITY, Severity.LOW, "shimin-ka",
            NOW.plusDays(3));

    /** The service's first page for the filter. */
    private void listed(TaskListFilter filter, TaskView... tasks) {
        given(escalation.openTasks(SATO, filter, 0, TaskPageController.PAGE_SIZE)).willReturn(List.of(tasks));
    }

    private static TaskListFilter filter(TaskKind kind, Level level, Severity severity, String section,
            boolean overdue, boolean descending) {
        return new TaskListFilter(kind, level, severity, section, overdue, descending);
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
        listed(filter(null, Level.DEPARTMENT, null, null, false, true), TASK_2);
        mvc.perform(get("/tasks?level=DEPARTMENT&sort=due-desc&lang=ja"))
                .andExpect(content().string(allOf(
                        containsString("href=\"/tasks?level=DEPARTMENT&amp;sort=due-desc&amp;lang=en\""),
                        containsString("件名2"), not(containsString("件名1")), not(containsString("件名3")),
                        containsString("aria-sort=\"descending\""),
                        containsString("hx-get=\"/tasks/rows?level=DEPARTMENT&amp;sort=due-desc\""))));
    }

    @Test
    void everyFilterGoesToTheServiceAndItsAnswerIsShown() throws Exception {
        listed(filter(TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.HIGH, "shimin-ka", true, false), TASK_1);
        mvc.perform(get("/tasks?kind=ACKNOWLEDGE&level=SECTION&severity=HIGH&section=shimin-ka&overdue=true&sort=due"))
                .andExpect(content().string(allOf(containsString("件名1"), not(containsString("件名2")),
                        containsString("未完了のタスク（該当1件中 1〜1件目）"),
                        containsString("<option value=\"shimin-ka\" selected=\"selected\">市民課</option>"),
                        containsString("hx-get=\"/tasks/rows?level=SECTION&amp;severity=HIGH&amp;section=shimin-ka"
                                + "&amp;overdue=true&amp;sort=due&amp;kind=ACKNOWLEDGE\""))));
    }

    @Test
    void theSectionChoiceOffersEverySectionWithATaskAndKeepsOneFromAnOldLink() throws Exception {
        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("<option value=\"hoken-nenkin\">保険年金課</option>"),
                        containsString("<option value=\"shimin-ka\">市民課</option>"),
                        not(containsString("value=\"keizai\"")))));
        mvc.perform(get("/tasks").param("section", "keizai"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<option value=\"keizai\" selected=\"selected\">keizai</option>"),
                        containsString("未完了のタスク（該当0件）"), containsString("該当するタスクはありません。"),
                        not(containsString("class=\"pager\"")))));
        verify(escalation).openTasks(SATO, filter(null, null, null, "keizai", false, false), 0,
                TaskPageController.PAGE_SIZE);
    }

    @Test
    void theAutomaticRefreshCanBeStoppedAndKeyboardFocusHasStableTargets() throws Exception {
        listed(filter(null, Level.SECTION, null, null, false, false), TASK_1);
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
        listed(TaskListFilter.UNFILTERED,
                new TaskView("t-5", TaskKind.ACKNOWLEDGE, Level.CITY, NOW.plusMinutes(29), Duration.ofMinutes(29),
                        new TaskView.IssueRef("5", "2026-00005", "件名5", Severity.CRITICAL, IssueStatus.OPEN,
                                "shimin-ka", true)),
                new TaskView("t-6", TaskKind.ACKNOWLEDGE, Level.CITY, NOW.plusMinutes(29), Duration.ofMinutes(29),
                        new TaskView.IssueRef("6", "2026-00006", "件名6", Severity.CRITICAL, IssueStatus.OPEN,
                                "shimin-ka", false)));
        String page = mvc.perform(get("/tasks")).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.split("受付期限を超過・再通知済み", -1)).as("one marker, for 件名5")
                .hasSize(2);
        org.assertj.core.api.Assertions.assertThat(page.indexOf("受付期限を超過・再通知済み"))
                .isBetween(page.indexOf("件名5"), page.indexOf("件名6"));
    }

    @Test
    void aPausedTaskIsNeverOverdueAndSaysItsClockStandsStill() throws Exception {
        // Paused with 40 minutes left; the wall clock has since passed the due time, the issue's clock has not.
        listed(TaskListFilter.UNFILTERED, new TaskView("t-4", TaskKind.ACKNOWLEDGE, Level.SECTION,
                NOW.minusMinutes(45), Duration.ofMinutes(40), new TaskView.IssueRef("4", "2026-00004", "件名4",
                        Severity.MEDIUM, IssueStatus.PAUSED, "shimin-ka")));
        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("件名4"), containsString("残り 40分"),
                        containsString("保留中・期限は止まっています"), containsString("urgency-paused"),
                        not(containsString("urgency-overdue")), not(containsString("期限超過 45分")))));
    }

    @Test
    void anUnknownKindOrOverdueValueSaysTheConditionsAreWrongWithAWayBack() throws Exception {
        for (String query : List.of("kind=FOO", "overdue=x", "level=TOP", "sort=soon", "page=x")) {
            mvc.perform(get("/tasks?" + query))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("指定された条件が正しくありません。"),
                            containsString("<a href=\"/tasks\" id=\"retry-link\">条件を指定せずに表示する</a>"),
                            not(containsString("エラーが発生しました")))));
        }
    }

    @Test
    void theTwoNearUrgenciesSayHowNear() throws Exception {
        listed(TaskListFilter.UNFILTERED,
                task("1", TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.HIGH, "shimin-ka", NOW.plusMinutes(40)),
                task("2", TaskKind.RESPOND, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW.plusHours(3)));

        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("（期限まで1時間以内）"),
                        containsString("（期限まで4時間以内）"))));
        mvc.perform(get("/tasks").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("(Due within 1 hour)"),
                        containsString("(Due within 4 hours)"))));
    }

    @Test
    void thePollingFragmentIsTheTableAlone() throws Exception {
        listed(filter(null, null, Severity.LOW, null, false, false), TASK_3);
        mvc.perform(get("/tasks/rows").param("severity", "LOW"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"task-rows\""), containsString("件名3"),
                        not(containsString("件名1")), not(containsString("<html")), not(containsString("<nav")))));
    }

    @Test
    void aLaterPageSaysWhichRowsItShowsOfTheTrueTotalAndLinksOnWithItsFilters() throws Exception {
        TaskListFilter keizai = filter(null, null, null, "keizai", false, false);
        given(escalation.openTasks(SATO, keizai, 50, TaskPageController.PAGE_SIZE)).willReturn(fifty());
        given(escalation.openTaskCount(SATO, keizai)).willReturn(123L);

        mvc.perform(get("/tasks?section=keizai&refresh=off&page=1"))
                .andExpect(content().string(allOf(containsString("未完了のタスク（該当123件中 51〜100件目）"),
                        containsString("<nav class=\"pager\" aria-label=\"タスク一覧のページ送り\">"),
                        containsString("href=\"/tasks?section=keizai&amp;refresh=off\" id=\"previous-page-link\""),
                        containsString("href=\"/tasks?section=keizai&amp;page=2&amp;refresh=off\" id=\"next-page-link\""),
                        containsString("id=\"refresh-toggle\" href=\"/tasks?section=keizai&amp;page=1\""),
                        not(containsString("last-page-link")), not(containsString("期限が近い500件")))));
        mvc.perform(get("/tasks/rows?section=keizai&page=1&lang=en"))
                .andExpect(content().string(allOf(containsString("Open tasks (51–100 of 123)"),
                        containsString("hx-get=\"/tasks/rows?section=keizai&amp;page=1\""),
                        containsString("rel=\"next\">Next 50</a>"), containsString("rel=\"prev\">Previous 50</a>"))));
    }

    @Test
    void aPagePastTheEndOffersTheLastPage() throws Exception {
        given(escalation.openTaskCount(SATO, TaskListFilter.UNFILTERED)).willReturn(123L);

        mvc.perform(get("/tasks?page=9&overdue=false"))
                .andExpect(content().string(allOf(containsString("未完了のタスク（該当123件。このページに表示するタスクはありません）"),
                        containsString("このページに表示するタスクはありません（該当123件）。"),
                        containsString("href=\"/tasks?page=2\" id=\"last-page-link\""),
                        not(containsString("previous-page-link")), not(containsString("next-page-link")))));
        verify(escalation).openTasks(SATO, TaskListFilter.UNFILTERED, 450, TaskPageController.PAGE_SIZE);
    }

    @Test
    void aListShorterThanAPageIsCountedWithoutAskingAgain() throws Exception {
        mvc.perform(get("/tasks"))
                .andExpect(content().string(allOf(containsString("未完了のタスク（該当3件中 1〜3件目）"),
                        not(containsString("class=\"pager\"")))));
        verify(escalation, never()).openTaskCount(any(), any());
    }

    private static List<TaskView> fifty() {
        return IntStream.rangeClosed(51, 100).mapToObj(n -> task(String.valueOf(n), TaskKind.RESPOND, Level.SECTION,
                Severity.MEDIUM, "keizai", NOW.plusMinutes(n))).toList();
    }

    @Test
    void speaksEnglishOnRequest() throws Exception {
        mvc.perform(get("/tasks").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Acknowledge"), containsString("Overdue by 30 min"),
                        containsString(" (Overdue)"), not(containsString("（")),
                        containsString("Insurance and Pension Section"), containsString("Tue 24 Nov 2026 10:00"))));
    }
}
