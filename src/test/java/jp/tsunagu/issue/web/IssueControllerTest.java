package jp.tsunagu.issue.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.CommentView;
import jp.tsunagu.issue.IssueComments;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssuePage;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.issue.SlaView;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(IssueController.class)
@WithMockUser("sato")
class IssueControllerTest {

    static final String VALID = """
            {"title": "窓口の待ち時間", "description": "長い", "category": "CITIZEN_SERVICE", "severity": "MEDIUM",
             "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssueIntake intake;

    @MockitoBean
    IssueQueries queries;

    @MockitoBean
    IssueComments comments;

    @MockitoBean
    jp.tsunagu.issue.PersonalDetails personalDetails;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void caller() {
        given(currentUser.require()).willReturn(SATO);
    }

    @Test
    void raisingAnswers201WithLocationAndPassesTheIdempotencyKey() throws Exception {
        given(intake.raise(any(), eq(SATO), eq(Optional.of("key-1")))).willReturn(new RaisedIssue("id-1", "2026-000001", true));
        given(queries.view("id-1", SATO)).willReturn(view("id-1"));

        mvc.perform(post("/api/issues").with(csrf()).header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/issues/id-1"))
                .andExpect(jsonPath("$.number").value("2026-000001"))
                .andExpect(jsonPath("$.personalDetails").value(IssueView.MASK));
    }

    @Test
    void aToolThatPrefersAMinimalAnswerGetsTheIdAndNumberWithoutTheIssueBeingReadBack() throws Exception {
        given(intake.raise(any(), eq(SATO), any())).willReturn(new RaisedIssue("id-1", "2026-000001", true));

        mvc.perform(post("/api/issues").with(csrf()).header("Prefer", "respond-async, Return=Minimal")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/issues/id-1"))
                .andExpect(header().string("Preference-Applied", "return=minimal"))
                .andExpect(jsonPath("$.id").value("id-1"))
                .andExpect(jsonPath("$.number").value("2026-000001"))
                .andExpect(jsonPath("$.title").doesNotExist());
        org.mockito.Mockito.verify(queries, org.mockito.Mockito.never()).view(any(), any());

        mvc.perform(post("/api/issues").with(csrf()).header("Prefer", "return=representation")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(header().doesNotExist("Preference-Applied"));
        org.mockito.Mockito.verify(queries).view("id-1", SATO);
    }

    @Test
    void aRetryThatFindsTheEarlierIssueAnswers200() throws Exception {
        given(intake.raise(any(), eq(SATO), any())).willReturn(new RaisedIssue("id-1", "2026-000001", false));
        given(queries.view("id-1", SATO)).willReturn(view("id-1"));

        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/issues/id-1"));
    }

    /** A caller who never raises learns that, not what is wrong with the body they need not send again. */
    @Test
    void theCallersRightIsSettledBeforeTheBodyIsChecked() throws Exception {
        willThrow(new ForbiddenException("Your role does not raise issues")).given(intake).requireMayRaise(SATO);

        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("窓口の待ち時間", "")))
                .andExpect(status().isForbidden());
        verify(intake, never()).raise(any(), any(), any());
    }

    @Test
    void anEmptyTitleIsAFieldError() throws Exception {
        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("窓口の待ち時間", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        verify(intake, never()).raise(any(), any(), any());
    }

    @Test
    void aTitleOfIdeographicSpacesIsRequiredAndOneWithControlCharactersIsRefused() throws Exception {
        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("窓口の待ち時間", "\u3000\u3000")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
        for (String control : List.of("\\u0000", "\\r", "\\n", "\\t", "\\u2028")) {
            mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                            .content(VALID.replace("窓口の待ち時間", "窓口の" + control + "待ち時間")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("title"))
                    .andExpect(jsonPath("$.errors[0].message").value(
                            "must not contain line breaks, tabs or other control characters"));
        }
        verify(intake, never()).raise(any(), any(), any());
    }

    @Test
    void fieldErrorsAreInEnglishWhateverTheCallersLanguage() throws Exception {
        mvc.perform(post("/api/issues").with(csrf()).header("Accept-Language", "ja")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"relatedSections\": []", "\"relatedSections\": [\"\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relatedSections[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        mvc.perform(post("/api/issues").with(csrf()).header("Accept-Language", "ja")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID.replace("shimin-ka", "k".repeat(65))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sectionCode"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 64 characters"));
        mvc.perform(post("/api/issues").with(csrf()).header("Accept-Language", "ja")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("\"relatedSections\": []", "\"relatedSections\": [\"" + "k".repeat(65) + "\"]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 64 characters"));
        verify(intake, never()).raise(any(), any(), any());
    }

    @Test
    void theIntakesProblemsAnswerFieldAndMessageOnly() throws Exception {
        given(intake.raise(any(), eq(SATO), any())).willThrow(new InvalidInputException(List.of(
                new FieldProblem("sectionCode", "is not a known section", "raise.problem.unknownSection"))));
        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(VALID))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sectionCode"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known section"))
                .andExpect(jsonPath("$.errors[0].length()").value(2));
    }

    @Test
    void anUnknownSeverityNamesTheAllowedValues() throws Exception {
        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace("MEDIUM", "URGENT")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("CRITICAL")));
    }

    @Test
    void malformedJsonIsABadRequestWithoutInternals() throws Exception {
        mvc.perform(post("/api/issues").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void anIssueTheCallerMayNotSeeIsNotFound() throws Exception {
        given(queries.view("secret", SATO)).willThrow(new NotFoundException("No such issue"));

        mvc.perform(get("/api/issues/secret"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listingPassesTheFiltersAndAnswersItemsAndTotal() throws Exception {
        IssueFilter expected = new IssueFilter(Level.DEPARTMENT, IssueStatus.OPEN, "shimin-ka", true, "窓口", null, 1, 10);
        given(queries.list(expected, SATO)).willReturn(new IssuePage(List.of(view("id-1")), 11));

        mvc.perform(get("/api/issues?level=DEPARTMENT&status=OPEN&section=shimin-ka&overdue=true&q=窓口&page=1&size=10"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.total").value(11))
                .andExpect(jsonPath("$.items[0].id").value("id-1"));
    }

    @Test
    void aCommentAnswers201WithTheLocationOfTheComment() throws Exception {
        CommentView added = new CommentView("c-1", "sato", "確認しました", OffsetDateTime.parse("2026-11-24T10:30:00+09:00"));
        given(comments.add("id-1", SATO, "確認しました")).willReturn(added);

        mvc.perform(post("/api/issues/id-1/comments").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"確認しました\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/issues/id-1/comments/c-1"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value("c-1"));
    }

    @Test
    void oneCommentIsReadAtItsOwnAddressAndOneOfAnotherIssueIsNotFound() throws Exception {
        given(comments.list("id-1", SATO)).willReturn(List.of(
                new CommentView("c-1", "sato", "一件目", OffsetDateTime.parse("2026-11-24T10:30:00+09:00")),
                new CommentView("c-2", "suzuki", "二件目", OffsetDateTime.parse("2026-11-24T11:00:00+09:00"))));
        given(comments.list("secret", SATO)).willThrow(new NotFoundException("No such issue"));

        mvc.perform(get("/api/issues/id-1/comments/c-2"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.author").value("suzuki"))
                .andExpect(jsonPath("$.text").value("二件目"));
        mvc.perform(get("/api/issues/id-1/comments/c-9"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/issues/secret/comments/c-1")).andExpect(status().isNotFound());
    }

    @Test
    void aRevealAnswersTheClearTextAndIsNeverCached() throws Exception {
        given(personalDetails.reveal("id-1", SATO, "本人確認")).willReturn("山田 太郎 090-0000-0000");
        mvc.perform(post("/api/issues/id-1/personal-details/reveal").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"purpose\": \"本人確認\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.personalDetails").value("山田 太郎 090-0000-0000"));
    }

    static IssueView view(String id) {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-24T10:30:00+09:00");
        return new IssueView(id, "2026-000001", "窓口の待ち時間", "長い", Category.CITIZEN_SERVICE, Severity.MEDIUM,
                IssueStatus.OPEN, Level.SECTION, "shimin-ka", "shimin-seikatsu", List.of(), List.of(),
                new SlaView("business", now.plusDays(1), now.plusDays(5), false, false, false), true, IssueView.MASK,
                null, null, now, "sato");
    }
}
