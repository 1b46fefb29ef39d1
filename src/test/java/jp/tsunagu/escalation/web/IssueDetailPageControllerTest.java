package jp.tsunagu.escalation.web;

import static jp.tsunagu.escalation.web.PageFixtures.NOW;
import static jp.tsunagu.escalation.web.PageFixtures.SHIMIN;
import static jp.tsunagu.escalation.web.PageFixtures.issue;
import static jp.tsunagu.escalation.web.PageFixtures.task;
import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.HistoryEntry;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.issue.SlaView;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(IssueDetailPageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class IssueDetailPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssueQueries queries;

    @MockitoBean
    IssueComments comments;

    @MockitoBean
    EscalationService escalation;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    PersonalDetails personalDetails;

    @BeforeEach
    void world() {
        given(currentUser.require()).willReturn(SATO);
        given(organisation.findSection("shimin-ka")).willReturn(Optional.of(SHIMIN));
        given(organisation.findPerson("sato")).willReturn(Optional.of(SATO));
        given(personalDetails.mayReveal("i-1", SATO)).willReturn(true);
        given(comments.history("i-1", SATO)).willReturn(List.of(
                new HistoryEntry(1, NOW.minusHours(1), "sato", "ISSUE_RAISED", Map.of("level", "SECTION")),
                new HistoryEntry(2, NOW, "sato", "COMMENT_ADDED", Map.of("text", "電話で確認済み"))));
    }

    @Test
    void showsTheSummaryLevelPathSlaAndTimeline() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("窓口の混雑"), containsString("受付待ち"), containsString("市民課"),
                        containsString("aria-current=\"step\""), containsString("部内共有"), containsString("庁内共有"),
                        containsString("2026年11月24日(火) 18:30"), containsString("令和8年11月24日"),
                        containsString("●●●"), containsString("課題を登録"), containsString("電話で確認済み"),
                        containsString("data-activities-url=\"/issues/i-1/activities\""),
                        containsString("data-error-text=\"業務フロー図を表示できませんでした。"),
                        containsString("id=\"action-comment\""),
                        containsString("<span>佐藤 花子</span>"),
                        not(containsString("id=\"audit-timeline-link\"")),
                        not(containsString("id=\"action-acknowledge\"")))));
    }

    /** A screen reader reads Japanese text on an English page with a Japanese voice only when told (WCAG 3.1.2). */
    @Test
    void onTheEnglishPageWhatPeopleTypedInJapaneseIsMarkedAsJapanese() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("<h1 lang=\"ja\">窓口の混雑</h1>"),
                        containsString("<span lang=\"ja\">佐藤 花子</span>"),
                        containsString("<p class=\"timeline-text\" lang=\"ja\">電話で確認済み</p>"),
                        containsString("<span class=\"timeline-what\">Issue raised</span>"))));
        mvc.perform(get("/issues/i-1").param("lang", "ja"))
                .andExpect(content().string(allOf(containsString("<h1>窓口の混雑</h1>"),
                        not(containsString("lang=\"ja\">窓口")))));
    }

    /** The history keeps a reveal's purpose only for those who may reveal; the page shows whatever it kept. */
    @Test
    void aRevealsPurposeKeptInTheHistoryIsShownLabelledInBothLanguages() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());
        given(comments.history("i-1", SATO)).willReturn(List.of(
                new HistoryEntry(1, NOW.minusHours(1), "sato", "ISSUE_RAISED", Map.of("level", "SECTION")),
                new HistoryEntry(2, NOW, "sato", "PERSONAL_DETAILS_REVEALED",
                        Map.of("purpose", "<b>本人</b>への連絡", "present", true))));

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(containsString("<span class=\"timeline-label\">表示の目的：</span>"
                        + "<span>&lt;b&gt;本人&lt;/b&gt;への連絡</span>")));
        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(containsString("<span class=\"timeline-label\">Purpose: </span>"
                        + "<span lang=\"ja\">&lt;b&gt;本人&lt;/b&gt;への連絡</span>")));
    }

    @Test
    void aRevealWhosePurposeTheHistoryLeftOutShowsNoPurpose() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());
        given(comments.history("i-1", SATO)).willReturn(List.of(
                new HistoryEntry(2, NOW, "suzuki", "PERSONAL_DETAILS_REVEALED", Map.of("present", true))));

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("data-action=\"PERSONAL_DETAILS_REVEALED\""),
                        not(containsString("timeline-purpose")))));
    }

    @Test
    @WithMockUser(username = "watanabe", roles = "AUDITOR")
    void anAuditorIsOfferedTheIssuesAuditTimeline() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/audit/timeline?issueId=i-1\"")));
    }

    @Test
    void offersTheRevealWithARequiredPurposeOnlyWhenThereAreDetails() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());
        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("action=\"/issues/i-1/personal-details\""),
                        containsString("<label for=\"reveal-purpose\">表示する目的（必須）</label>"),
                        containsString("id=\"action-reveal\""))));

        var withoutDetails = issue("i-1", IssueStatus.OPEN, Level.SECTION);
        given(queries.view("i-1", SATO)).willReturn(new jp.tsunagu.issue.IssueView(withoutDetails.id(),
                withoutDetails.number(), withoutDetails.title(), withoutDetails.description(), withoutDetails.category(),
                withoutDetails.severity(), withoutDetails.status(), withoutDetails.level(), withoutDetails.sectionCode(),
                withoutDetails.departmentCode(), List.of(), List.of(), withoutDetails.sla(), false, null, null, null,
                withoutDetails.createdAt(), "sato"));
        mvc.perform(get("/issues/i-1")).andExpect(content().string(not(containsString("id=\"action-reveal\""))));
    }

    @Test
    void anIssueWithPersonalInformationButNoDetailsSaysSoAndOffersNoReveal() throws Exception {
        var issue = issue("i-1", IssueStatus.OPEN, Level.SECTION);
        given(queries.view("i-1", SATO)).willReturn(new IssueView(issue.id(), issue.number(), issue.title(),
                issue.description(), issue.category(), issue.severity(), issue.status(), issue.level(),
                issue.sectionCode(), issue.departmentCode(), List.of(), List.of(), issue.sla(), true, null, null, null,
                issue.createdAt(), "sato"));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("個人情報の詳細は登録されていません。"),
                        not(containsString("個人情報は伏せ字で表示しています。")), not(containsString("id=\"action-reveal\"")))));
        verify(personalDetails, never()).mayReveal(any(), any());
    }

    @Test
    void someoneWhoMayNotRevealIsNotOfferedTheButtonButToldWhoMay() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.DEPARTMENT));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());
        given(personalDetails.mayReveal("i-1", SATO)).willReturn(false);

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("●●●"),
                        containsString("個人情報を表示できるのは、所管課の職員、この課題の承認者と監査担当です。"),
                        not(containsString("id=\"reveal-form\"")), not(containsString("id=\"action-reveal\"")))));
        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(containsString("Only the owning section, the approvers of this issue")));
    }

    @Test
    void aResolvedIssueOffersNothing() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.RESOLVED, Level.DEPARTMENT));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("現在あなたが行える操作はありません。"),
                        containsString("解決済み"), not(containsString("id=\"action-comment\"")))));
    }

    /** Nothing is highlighted once the level process has ended, so the hint says why instead. */
    @Test
    void theDiagramOfAResolvedIssueSaysNoStepIsCurrent() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.RESOLVED, Level.DEPARTMENT));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(not(containsString("現在の位置を強調表示しています。")),
                        containsString("この課題は解決済みのため、現在の位置はありません（強調表示はありません）。"))));
        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(allOf(not(containsString("The current position is highlighted.")),
                        containsString("This issue is resolved, so no step is current and nothing is highlighted."))));
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.DEPARTMENT));
        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(containsString("現在の位置を強調表示しています。")));
    }

    @Test
    void theRaisersUsernameIsParenthesisedInThePagesPunctuation() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of());

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("<span class=\"hint\">（sato）</span>"),
                        not(containsString("(sato)")))));
        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(containsString("<span class=\"hint\"> (sato)</span>")));
    }

    @Test
    void offersOnlyWhatTheCallersOpenTasksAllow() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of(
                task("i-1", TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW)));

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("id=\"action-acknowledge\""),
                        containsString("id=\"action-comment\""), not(containsString("id=\"action-resolve\"")),
                        not(containsString("id=\"action-approve\"")), not(containsString("id=\"action-pause\"")))));
    }

    @Test
    void respondersMayResolveOrRequestEscalation() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.IN_PROGRESS, Level.SECTION));
        given(escalation.openTasksOn("i-1", SATO)).willReturn(List.of(
                task("i-1", TaskKind.RESPOND, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW)));

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("id=\"action-resolve\""),
                        containsString("id=\"action-request-escalation\""), not(containsString("id=\"action-acknowledge\"")),
                        // Both texts are required by the service, as the rejection's comment is, and say so.
                        containsString("<label for=\"escalation-reason-input\">申請の理由（必須）</label>"),
                        containsString("<label for=\"resolution\">解決内容（必須）</label>"))));
        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(containsString("Reason for the request (required)")));
    }

    @Test
    @WithMockUser(username = "suzuki", roles = "SECTION_CHIEF")
    void theChiefApprovesRejectsWithAReasonAndMayPause() throws Exception {
        given(currentUser.require()).willReturn(SUZUKI);
        given(comments.history("i-1", SUZUKI)).willReturn(List.of(new HistoryEntry(3, NOW, "sato",
                "ESCALATION_REQUESTED", Map.of("reason", "部内で共有したい"))));
        given(queries.view("i-1", SUZUKI)).willReturn(issue("i-1", IssueStatus.ESCALATION_REQUESTED, Level.SECTION));
        given(escalation.openTasksOn("i-1", SUZUKI)).willReturn(List.of(
                task("i-1", TaskKind.APPROVE_ESCALATION, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW)));

        mvc.perform(get("/issues/i-1"))
                .andExpect(content().string(allOf(containsString("id=\"action-approve\""),
                        containsString("id=\"action-reject\""), containsString("部内で共有したい"),
                        containsString("id=\"action-pause\""),
                        containsString("<textarea id=\"reject-comment\" name=\"comment\" rows=\"2\" maxlength=\"2000\" required>"))));
        mvc.perform(get("/issues/i-1").param("lang", "en"))
                .andExpect(content().string(containsString("<p id=\"escalation-reason\" lang=\"ja\">部内で共有したい</p>")));
    }

    @Test
    void anIssueTheCallerMayNotSeeIsNotFoundWithoutATrace() throws Exception {
        given(queries.view("hidden", SATO)).willThrow(new NotFoundException("No such issue"));

        mvc.perform(get("/issues/hidden"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("お探しの課題は見つからないか、閲覧する権限がありません。"),
                        containsString("<title>ページが見つかりません | つなぐ</title>"),
                        not(containsString("NotFoundException")), not(containsString("No such issue")))));
        mvc.perform(get("/issues/hidden").param("lang", "en"))
                .andExpect(content().string(containsString("<title>Page not found | Tsunagu</title>")));
    }

    @Test
    void actionsGoThroughTheEscalationServiceAndComeBackToTheIssue() throws Exception {
        mvc.perform(post("/issues/i-1/acknowledge").with(csrf()))
                .andExpect(redirectedUrl("/issues/i-1"))
                .andExpect(flash().attribute("successKey", "done.acknowledged"));
        verify(escalation).acknowledge("i-1", SATO);

        mvc.perform(post("/issues/i-1/escalation-requests").with(csrf()).param("reason", "部内で共有"))
                .andExpect(redirectedUrl("/issues/i-1"));
        verify(escalation).requestEscalation("i-1", SATO, "部内で共有");

        mvc.perform(post("/issues/i-1/comments").with(csrf()).param("text", "確認中"))
                .andExpect(flash().attribute("successKey", "done.commented"));
        verify(comments).add("i-1", SATO, "確認中");
    }

    @Test
    void aRefusedTextComesBackInItsField() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.IN_PROGRESS, Level.SECTION));
        mvc.perform(get("/issues/i-1").flashAttr("draft", Map.of("comment-text", "書きかけ<b>の</b>考察")))
                .andExpect(content().string(containsString(
                        "name=\"text\" rows=\"2\" maxlength=\"10000\" required>書きかけ&lt;b&gt;の&lt;/b&gt;考察</textarea>")));
    }

    @Test
    void theDueTimesSayWhatABreachAtCityDidAndThatAResolvedIssueHasNoneLeft() throws Exception {
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.OPEN, Level.CITY,
                new SlaView("continuous", NOW.plusMinutes(30), NOW.plusHours(7), true, false, false)));
        mvc.perform(get("/issues/i-1")).andExpect(content().string(allOf(
                containsString("受付期限（再通知後の新しい期限）"), containsString("新しい受付期限を設けました"),
                not(containsString("期限内")))));

        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.RESOLVED, Level.SECTION));
        mvc.perform(get("/issues/i-1")).andExpect(content().string(allOf(
                containsString("解決済みのため、期限の管理は終了しています"), not(containsString(">期限内<")))));
    }

    @Test
    void refusalsBecomeMessagesOnTheIssuePage() throws Exception {
        willThrow(new InvalidInputException("comment", "is required")).given(escalation).rejectEscalation("i-1", SATO, "");
        mvc.perform(post("/issues/i-1/reject").with(csrf()))
                .andExpect(redirectedUrl("/issues/i-1"))
                .andExpect(flash().attribute("errorKey", "error.invalid.comment"));
        willThrow(new InvalidInputException("text", "must be 1 to 10000 characters")).given(comments).add("i-1", SATO, "　");
        mvc.perform(post("/issues/i-1/comments").with(csrf()).param("text", "　"))
                .andExpect(flash().attribute("errorKey", "error.invalid.text"));
        willThrow(new ConflictException("resolved", "The issue is resolved")).given(comments).add("i-1", SATO, "長い考察");
        mvc.perform(post("/issues/i-1/comments").with(csrf()).param("text", "長い考察"))
                .andExpect(flash().attribute("errorKey", "error.conflict.resolved"))
                .andExpect(flash().attribute("draft", Map.of("comment-text", "長い考察")));
        willThrow(new InvalidInputException("other", "is odd")).given(escalation).pause("i-1", SATO, "x");
        mvc.perform(post("/issues/i-1/pause").with(csrf()).param("reason", "x"))
                .andExpect(flash().attribute("errorKey", "error.invalid"));

        willThrow(new ForbiddenException("own request")).given(escalation).approveEscalation("i-1", SATO, "");
        mvc.perform(post("/issues/i-1/approve").with(csrf()))
                .andExpect(flash().attribute("errorKey", "error.forbidden"));

        willThrow(new ConflictException("moved on")).given(escalation).resolve("i-1", SATO, "済");
        mvc.perform(post("/issues/i-1/resolve").with(csrf()).param("resolution", "済"))
                .andExpect(flash().attribute("errorKey", "error.conflict"));
        willThrow(new ConflictException("paused", "The issue is paused; resume it first"))
                .given(escalation).acknowledge("i-1", SATO);
        mvc.perform(post("/issues/i-1/acknowledge").with(csrf()))
                .andExpect(flash().attribute("errorKey", "error.conflict.paused"));
        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.PAUSED, Level.SECTION));
        mvc.perform(get("/issues/i-1").flashAttr("errorKey", "error.conflict.paused"))
                .andExpect(content().string(containsString("この課題は保留中です。再開してから操作してください。")));

        willThrow(new HolidayDataNotCoveredException(LocalDate.of(2028, 1, 4), LocalDate.of(2022, 1, 1),
                LocalDate.of(2027, 12, 31))).given(escalation).resume("i-1", SATO, "");
        mvc.perform(post("/issues/i-1/resume").with(csrf()))
                .andExpect(flash().attribute("errorKey", "error.holidayDataNotCovered"))
                .andExpect(flash().attribute("errorArgs", new Object[] {"2028", "2027-12-31"}));

        given(queries.view("i-1", SATO)).willReturn(issue("i-1", IssueStatus.PAUSED, Level.SECTION));
        mvc.perform(get("/issues/i-1").flashAttr("errorKey", "error.holidayDataNotCovered")
                        .flashAttr("errorArgs", new Object[] {"2028", "2027-12-31"}))
                .andExpect(content().string(containsString(
                        "祝日データに2028年が含まれていないため、期限を計算できません（2027-12-31まで登録済み）")));
    }

    /**
     * A refused decision on 承認待ち gave the text back keyed to the issue page's field, which that page does not have;
     * it is keyed to the form of the issue it was about, where the approvals page puts it back.
     */
    @Test
    void aRefusedDecisionOnTheApprovalsPageKeepsItsTextForThatIssuesForm() throws Exception {
        willThrow(new ForbiddenException("own request")).given(escalation).rejectEscalation("i-1", SATO, "影響は課内のみ");
        mvc.perform(post("/issues/i-1/reject").with(csrf()).param("from", "approvals").param("comment", "影響は課内のみ"))
                .andExpect(redirectedUrl("/approvals"))
                .andExpect(flash().attribute("draft", Map.of("reject-comment-i-1", "影響は課内のみ")));
        willThrow(new ForbiddenException("own request")).given(escalation).approveEscalation("i-1", SATO, "了解");
        mvc.perform(post("/issues/i-1/approve").with(csrf()).param("from", "approvals").param("comment", "了解"))
                .andExpect(flash().attribute("draft", Map.of("approve-comment-i-1", "了解")));
        mvc.perform(post("/issues/i-1/approve").with(csrf()).param("comment", "了解"))
                .andExpect(flash().attribute("draft", Map.of("approve-comment", "了解")));
    }

    @Test
    void theApprovalsPageSendsTheChiefBackThere() throws Exception {
        mvc.perform(post("/issues/i-1/approve").with(csrf()).param("from", "approvals").param("comment", "了解"))
                .andExpect(redirectedUrl("/approvals"));
        verify(escalation).approveEscalation("i-1", SATO, "了解");
    }

    /**
     * A browser counts a line break in a textarea as one character against its maxlength, and sends it as CRLF. A
     * reason the browser let through at 2,000 characters reached the service longer than 2,000 and was refused.
     */
    @Test
    void aLineBreakReachesTheServiceAsOneCharacterAsTheBrowserCountedIt() throws Exception {
        String line = "あ".repeat(199);
        String typed = String.join("\n", java.util.Collections.nCopies(10, line)) + "\n";
        assertThat(typed).hasSize(2000);

        mvc.perform(post("/issues/i-1/reject").with(csrf()).param("comment", typed.replace("\n", "\r\n")))
                .andExpect(redirectedUrl("/issues/i-1"));
        verify(escalation).rejectEscalation("i-1", SATO, typed);
    }

    @Test
    void actionsNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/issues/i-1/acknowledge")).andExpect(status().isForbidden());
        verify(escalation, never()).acknowledge("i-1", SATO);
    }

    /** The button, the timeline and the mail say 差戻し (sent back to Respond); the diagram said 却下 (dismissed). */
    @Test
    void theDiagramNamesARejectionAsThePagesDo() throws Exception {
        // The XML declares its encoding, UTF-8; the response's content type does not.
        String model = mvc.perform(get("/diagrams/issue-level.bpmn")).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(model).contains("name=\"差戻し (Sent back)\"").doesNotContain("却下", "(Rejected)");
    }

    @Test
    void theDiagramReadsTheCurrentActivitiesAndTheModel() throws Exception {
        given(escalation.currentActivities("i-1", SATO)).willReturn(List.of("SubProcess_Work", "Task_Respond"));
        mvc.perform(get("/issues/i-1/activities"))
                .andExpect(jsonPath("$.activities[1]").value("Task_Respond"));
        mvc.perform(get("/diagrams/issue-level.bpmn"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"Task_Acknowledge\"")));
    }
}
