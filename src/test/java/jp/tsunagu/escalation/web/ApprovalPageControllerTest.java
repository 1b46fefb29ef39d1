package jp.tsunagu.escalation.web;

import static jp.tsunagu.escalation.web.PageFixtures.NOW;
import static jp.tsunagu.escalation.web.PageFixtures.SHIMIN;
import static jp.tsunagu.escalation.web.PageFixtures.issue;
import static jp.tsunagu.escalation.web.PageFixtures.task;
import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.issue.HistoryEntry;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueQueries;
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

@WebMvcTest(ApprovalPageController.class)
@WithMockUser(username = "suzuki", roles = "SECTION_CHIEF")
class ApprovalPageControllerTest {

    /** The page asks for approvals only; a mock keyed on anything else answers nothing. */
    private static final TaskListFilter APPROVALS = TaskListFilter.ofKind(TaskKind.APPROVE_ESCALATION);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EscalationService escalation;

    @MockitoBean
    IssueQueries queries;

    @MockitoBean
    IssueComments comments;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @BeforeEach
    void world() {
        given(currentUser.require()).willReturn(SUZUKI);
        given(organisation.findSection("shimin-ka")).willReturn(Optional.of(SHIMIN));
        given(organisation.findPerson("sato")).willReturn(Optional.of(SATO));
    }

    @Test
    void showsEachRequestWithItsReasonRequesterAndIssue() throws Exception {
        given(escalation.openTasks(SUZUKI, APPROVALS, 0, EscalationService.TASK_LIST_LIMIT)).willReturn(List.of(
                task("i-1", TaskKind.APPROVE_ESCALATION, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW)));
        given(queries.view("i-1", SUZUKI)).willReturn(issue("i-1", IssueStatus.ESCALATION_REQUESTED, Level.SECTION));
        given(comments.history("i-1", SUZUKI)).willReturn(List.of(new HistoryEntry(5, NOW, "sato",
                "ESCALATION_REQUESTED", Map.of("reason", "保険年金課にも影響"))));

        mvc.perform(get("/approvals"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("承認待ち"), containsString("保険年金課にも影響"),
                        containsString("佐藤 花子"), containsString("窓口の混雑"), containsString("待ち時間が長い"),
                        containsString("action=\"/issues/i-1/approve\""), containsString("action=\"/issues/i-1/reject\""),
                        containsString("name=\"_csrf\""), not(containsString("/issues/i-2/approve")))));
    }

    @Test
    void aRefusedDecisionsTextComesBackInTheFormOfItsIssue() throws Exception {
        for (String id : List.of("i-1", "i-2")) {
            given(queries.view(id, SUZUKI)).willReturn(issue(id, IssueStatus.ESCALATION_REQUESTED, Level.SECTION));
        }
        given(escalation.openTasks(SUZUKI, APPROVALS, 0, EscalationService.TASK_LIST_LIMIT)).willReturn(Stream.of("i-1", "i-2")
                .map(id -> task(id, TaskKind.APPROVE_ESCALATION, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW))
                .toList());

        mvc.perform(get("/approvals").flashAttr("errorKey", "error.forbidden")
                        .flashAttr("draft", Map.of("reject-comment-i-2", "書きかけ<b>の</b>理由")))
                .andExpect(content().string(allOf(
                        containsString("<label for=\"reject-comment-i-2\">"),
                        containsString("<textarea id=\"reject-comment-i-2\" name=\"comment\" rows=\"2\" maxlength=\"2000\" required>"
                                + "書きかけ&lt;b&gt;の&lt;/b&gt;理由</textarea>"),
                        containsString("<textarea id=\"reject-comment-i-1\" name=\"comment\" rows=\"2\" maxlength=\"2000\" required></textarea>"),
                        containsString("この操作を行う権限がありません"))));
    }

    @Test
    void aPausedIssueSaysSoAndOffersNoDecision() throws Exception {
        given(escalation.openTasks(SUZUKI, APPROVALS, 0, EscalationService.TASK_LIST_LIMIT)).willReturn(List.of(
                task("i-1", TaskKind.APPROVE_ESCALATION, Level.SECTION, Severity.MEDIUM, "shimin-ka", NOW)));
        given(queries.view("i-1", SUZUKI)).willReturn(issue("i-1", IssueStatus.PAUSED, Level.SECTION));
        given(comments.history("i-1", SUZUKI)).willReturn(List.of());

        mvc.perform(get("/approvals"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("この課題は保留中です。"),
                        not(containsString("action=\"/issues/i-1/approve\"")),
                        not(containsString("action=\"/issues/i-1/reject\"")))));
    }

    @Test
    void saysWhenNothingIsWaiting() throws Exception {
        given(escalation.openTasks(SUZUKI, APPROVALS, 0, EscalationService.TASK_LIST_LIMIT)).willReturn(List.of());
        mvc.perform(get("/approvals")).andExpect(content().string(containsString("承認待ちの申請はありません。")));
    }
}
