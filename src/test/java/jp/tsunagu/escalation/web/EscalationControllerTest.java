package jp.tsunagu.escalation.web;

import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;

import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({EscalationController.class, TaskController.class})
@WithMockUser("suzuki")
class EscalationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EscalationService escalation;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void caller() {
        given(currentUser.require()).willReturn(SUZUKI);
    }

    @Test
    void approvingPassesTheCommentAndAnswers204() throws Exception {
        mvc.perform(post("/api/issues/i-1/escalation-requests/current/approve").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"部内で共有\"}"))
                .andExpect(status().isNoContent());
        verify(escalation).approveEscalation("i-1", SUZUKI, "部内で共有");
    }

    @Test
    void approvingTwiceIsAConflict() throws Exception {
        willThrow(new ConflictException("There is no open escalation request"))
                .given(escalation).approveEscalation("i-1", SUZUKI, null);
        mvc.perform(post("/api/issues/i-1/escalation-requests/current/approve").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("There is no open escalation request"));
    }

    @Test
    void approvingYourOwnRequestIsForbidden() throws Exception {
        willThrow(new ForbiddenException("Nobody approves or rejects their own escalation request"))
                .given(escalation).approveEscalation("i-1", SUZUKI, null);
        mvc.perform(post("/api/issues/i-1/escalation-requests/current/approve").with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRejectionWithoutCommentIsAFieldError() throws Exception {
        willThrow(new InvalidInputException("comment", "is required"))
                .given(escalation).rejectEscalation("i-1", SUZUKI, null);
        mvc.perform(post("/api/issues/i-1/escalation-requests/current/reject").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
    }

    @Test
    void everyActionReachesTheService() throws Exception {
        mvc.perform(post("/api/issues/i-1/acknowledge").with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post("/api/issues/i-1/escalation-requests").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"r\"}")).andExpect(status().isNoContent());
        mvc.perform(post("/api/issues/i-1/pause").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"回答待ち\"}")).andExpect(status().isNoContent());
        mvc.perform(post("/api/issues/i-1/resume").with(csrf())).andExpect(status().isNoContent());
        mvc.perform(post("/api/issues/i-1/resolve").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"resolution\": \"done\"}")).andExpect(status().isNoContent());
        verify(escalation).acknowledge("i-1", SUZUKI);
        verify(escalation).requestEscalation("i-1", SUZUKI, "r");
        verify(escalation).pause("i-1", SUZUKI, "回答待ち");
        verify(escalation).resume("i-1", SUZUKI, null);
        verify(escalation).resolve("i-1", SUZUKI, "done");
    }

    @Test
    void theTaskListIsItemsAndTotal() throws Exception {
        given(escalation.openTasks(SUZUKI, TaskListFilter.UNFILTERED, 0, TaskController.MAX_SIZE)).willReturn(List.of(
                new TaskView("t-1", TaskKind.APPROVE_ESCALATION, Level.SECTION,
                        OffsetDateTime.parse("2026-11-24T10:30:00+09:00"), new TaskView.IssueRef("i-1", "2026-000001",
                                "窓口", Severity.MEDIUM, IssueStatus.ESCALATION_REQUESTED, "shimin-ka"))));
        mvc.perform(get("/api/tasks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("APPROVE_ESCALATION"))
                .andExpect(jsonPath("$.items[0].due").value("2026-11-24T10:30:00+09:00"))
                .andExpect(jsonPath("$.items[0].issue.number").value("2026-000001"));
    }

    @Test
    void aShortPageOfTasksStillSaysHowManyThereAreInAll() throws Exception {
        TaskView first = acknowledge(1);
        given(escalation.openTasks(SUZUKI, TaskListFilter.UNFILTERED, 0, 1)).willReturn(List.of(first));
        given(escalation.openTaskCount(SUZUKI, TaskListFilter.UNFILTERED)).willReturn(13L);
        mvc.perform(get("/api/tasks").param("size", "1"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.total").value(13));

        given(escalation.openTasks(SUZUKI, TaskListFilter.UNFILTERED, 0, 50)).willReturn(List.of(first));
        mvc.perform(get("/api/tasks").param("size", "50")).andExpect(jsonPath("$.total").value(1));

        for (String size : List.of("0", "-1", "501")) {
            mvc.perform(get("/api/tasks").param("size", size))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
        }
    }

    @Test
    void theTaskListPagesLikeTheOtherLists() throws Exception {
        TaskView third = acknowledge(3);
        given(escalation.openTasks(SUZUKI, TaskListFilter.UNFILTERED, 2, 2)).willReturn(List.of(third));
        mvc.perform(get("/api/tasks").param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].issue.id").value("i-3"))
                .andExpect(jsonPath("$.total").value(3));

        // Past the end the page is empty, and the total is still the real one.
        given(escalation.openTasks(SUZUKI, TaskListFilter.UNFILTERED, 10, 2)).willReturn(List.of());
        given(escalation.openTaskCount(SUZUKI, TaskListFilter.UNFILTERED)).willReturn(3L);
        mvc.perform(get("/api/tasks").param("page", "5").param("size", "2"))
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(3));

        mvc.perform(get("/api/tasks").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("must be 0 or more"));
        mvc.perform(get("/api/tasks").param("page", "-1").param("size", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("page", "size")));
    }

    @Test
    void theTaskListTakesThePagesFiltersAndItsTotalCountsTheMatches() throws Exception {
        TaskListFilter filter = new TaskListFilter(TaskKind.ACKNOWLEDGE, Level.DEPARTMENT, Severity.HIGH, "keizai",
                true, true);
        given(escalation.openTasks(SUZUKI, filter, 2, 2)).willReturn(List.of(acknowledge(3), acknowledge(4)));
        given(escalation.openTaskCount(SUZUKI, filter)).willReturn(7L);
        mvc.perform(get("/api/tasks?kind=ACKNOWLEDGE&level=DEPARTMENT&severity=HIGH&section=keizai&overdue=true"
                        + "&sort=due-desc&page=1&size=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].issue.id").value(contains("i-3", "i-4")))
                .andExpect(jsonPath("$.total").value(7));

        mvc.perform(get("/api/tasks?sort=due&overdue=false&section="));
        verify(escalation).openTasks(SUZUKI, TaskListFilter.UNFILTERED, 0, TaskController.MAX_SIZE);
    }

    @Test
    void aFilterValueTheListDoesNotKnowIsA400NamingTheParameterAndWhatItTakes() throws Exception {
        for (String parameter : List.of("kind", "level", "severity", "overdue", "sort")) {
            mvc.perform(get("/api/tasks").param(parameter, "SOON"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(parameter));
        }
        mvc.perform(get("/api/tasks").param("sort", "latest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("has an invalid value (allowed: due, due-desc)"));
        mvc.perform(get("/api/tasks").param("level", "TOP"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("has an invalid value (allowed: SECTION, DEPARTMENT, CITY)"));
        verify(escalation, never()).openTasks(any(), any(), anyLong(), anyInt());
    }

    /** The n-th issue's acknowledge task, due on the n-th day. */
    private static TaskView acknowledge(int n) {
        return new TaskView("t-" + n, TaskKind.ACKNOWLEDGE, Level.SECTION,
                OffsetDateTime.parse("2026-11-%02dT10:30:00+09:00".formatted(23 + n)),
                new TaskView.IssueRef("i-" + n, "2026-00000" + n, "窓口", Severity.MEDIUM, IssueStatus.OPEN, "shimin-ka"));
    }
}
