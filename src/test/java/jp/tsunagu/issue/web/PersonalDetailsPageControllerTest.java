package jp.tsunagu.issue.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;

import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.PersonalDetails;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PersonalDetailsPageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class PersonalDetailsPageControllerTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:30:00+09:00");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PersonalDetails personalDetails;

    @MockitoBean
    IssueQueries queries;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void world() {
        given(currentUser.require()).willReturn(SATO);
        given(queries.view("i-1", SATO)).willReturn(new IssueView("i-1", "2026-000001", "窓口の混雑", "内容",
                Category.CITIZEN_SERVICE, Severity.MEDIUM, IssueStatus.OPEN, Level.SECTION, "shimin-ka",
                "shimin-seikatsu", List.of(), List.of(), null, true, IssueView.MASK, null, null, NOW, "sato"));
    }

    @Test
    void showsTheClearTextOnceAndKeepsItOutOfCaches() throws Exception {
        given(personalDetails.reveal("i-1", SATO, "本人への折り返し連絡")).willReturn("山田 太郎 090-0000-0000");

        mvc.perform(post("/issues/i-1/personal-details").with(csrf()).param("purpose", " 本人への折り返し連絡 "))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(flash().attributeCount(0))
                .andExpect(content().string(allOf(containsString("山田 太郎 090-0000-0000"),
                        containsString("監査記録に残りました"), containsString("href=\"/issues/i-1\""))));
    }

    @Test
    void aMissingPurposeGoesBackToTheIssueWithAMessage() throws Exception {
        given(personalDetails.reveal("i-1", SATO, "")).willThrow(new InvalidInputException("purpose", "is required"));

        mvc.perform(post("/issues/i-1/personal-details").with(csrf()))
                .andExpect(redirectedUrl("/issues/i-1"))
                .andExpect(flash().attribute("errorKey", "error.revealPurpose"));
    }

    @Test
    void aRefusalGoesBackToTheIssueWithTheForbiddenMessage() throws Exception {
        given(personalDetails.reveal("i-1", SATO, "確認")).willThrow(new ForbiddenException("no need to know"));

        mvc.perform(post("/issues/i-1/personal-details").with(csrf()).param("purpose", "確認"))
                .andExpect(redirectedUrl("/issues/i-1"))
                .andExpect(flash().attribute("errorKey", "error.forbidden"));
    }

    @Test
    void anIssueTheReaderMayNotSeeIsNotFound() throws Exception {
        given(personalDetails.reveal("i-9", SATO, "確認")).willThrow(new NotFoundException("issue i-9"));

        mvc.perform(post("/issues/i-9/personal-details").with(csrf()).param("purpose", "確認"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aGetGoesBackToTheIssueAndRevealsNothing() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/issues/i-1/personal-details"))
                .andExpect(redirectedUrl("/issues/i-1"));
        verify(personalDetails, never()).reveal(any(), any(), any());
    }

    @Test
    void refusesAPostWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/issues/i-1/personal-details").param("purpose", "確認")).andExpect(status().isForbidden());
        verify(personalDetails, never()).reveal(any(), any(), any());
    }
}
