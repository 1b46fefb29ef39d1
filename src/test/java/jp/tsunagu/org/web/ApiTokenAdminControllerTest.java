package jp.tsunagu.org.web;

import static jp.tsunagu.testsupport.DemoPeople.ADMIN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.org.ApiTokens;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The controller alone; that only ADMIN reaches {@code /api/admin/**} is tested on the whole application. */
@WebMvcTest(ApiTokenAdminController.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class ApiTokenAdminControllerTest {

    static final OffsetDateTime EXPIRES = OffsetDateTime.parse("2027-06-11T00:00:00+09:00");


    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokens tokens;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsAdmin() {
        given(currentUser.require()).willReturn(ADMIN);
    }

    @Test
    void issuesATokenWhoseAnswerIsNeverCached() throws Exception {
        given(tokens.issue("rpa-bot", Set.of("shimin-ka", "keizai"), "AI-OCR", null, "admin"))
                .willReturn(new ApiTokens.IssuedToken("t-1", "tsu_abc", "rpa-bot", Set.of("shimin-ka"), EXPIRES));

        mvc.perform(post("/api/admin/api-tokens").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "rpa-bot", "sections": ["shimin-ka", "keizai"], "label": "AI-OCR"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/admin/api-tokens/t-1"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.id").value("t-1"))
                .andExpect(jsonPath("$.token").value("tsu_abc"));
    }

    @Test
    void passesTheChosenLastDayAndAnswersWhenTheTokenExpires() throws Exception {
        given(tokens.issue("rpa-bot", Set.of("shimin-ka"), null, LocalDate.parse("2027-06-10"), "admin"))
                .willReturn(new ApiTokens.IssuedToken("t-2", "tsu_def", "rpa-bot", Set.of("shimin-ka"), EXPIRES));

        mvc.perform(post("/api/admin/api-tokens").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "rpa-bot", "sections": ["shimin-ka"], "expiresOn": "2027-06-10"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.expiresAt").value("2027-06-11T00:00:00+09:00"));
    }

    @Test
    void aLastDayThatIsNoDateIsAProblemNamingTheFieldAndItsForm() throws Exception {
        mvc.perform(post("/api/admin/api-tokens").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "rpa-bot", "sections": ["shimin-ka"], "expiresOn": "10/06/2027"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
                .andExpect(jsonPath("$.errors[0].message").value("has an invalid value (a date such as 2026-11-24)"));
        verify(tokens, never()).issue(any(), any(), any(), any(), any());
    }

    @Test
    void aRefusalIsAProblemNamingTheField() throws Exception {
        given(tokens.issue(any(), any(), any(), any(), any()))
                .willThrow(new InvalidInputException("username", "is not a service account"));

        mvc.perform(post("/api/admin/api-tokens").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("username"));
        verify(tokens).issue(null, null, null, null, "admin");
    }

    @Test
    void aBodyThatIsNotJsonIsBadInputAndIssuesNothing() throws Exception {
        mvc.perform(post("/api/admin/api-tokens").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"username\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        verify(tokens, never()).issue(any(), any(), any(), any(), any());
    }

    @Test
    void listsTokensWithoutAnyToken() throws Exception {
        given(tokens.list()).willReturn(List.of(new ApiTokens.TokenInfo("t-1", "rpa-bot", List.of("shimin-ka"),
                "AI-OCR", OffsetDateTime.parse("2026-06-10T10:00:00+09:00"), "admin", true, EXPIRES, false, false,
                OffsetDateTime.parse("2026-06-12T09:30:00+09:00"))));

        mvc.perform(get("/api/admin/api-tokens"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("t-1"))
                .andExpect(jsonPath("$.items[0].revoked").value(true))
                .andExpect(jsonPath("$.items[0].expiresAt").value("2027-06-11T00:00:00+09:00"))
                .andExpect(jsonPath("$.items[0].expired").value(false))
                .andExpect(jsonPath("$.items[0].expiresSoon").value(false))
                .andExpect(jsonPath("$.items[0].lastUsedAt").value("2026-06-12T09:30:00+09:00"))
                .andExpect(jsonPath("$.items[0].token").doesNotExist());
    }

    @Test
    void readsOneTokenAsListedWithoutTheTokenAndAnUnknownOneIsNotFound() throws Exception {
        given(tokens.list()).willReturn(List.of(new ApiTokens.TokenInfo("t-1", "rpa-bot", List.of("shimin-ka"),
                "AI-OCR", OffsetDateTime.parse("2026-06-10T10:00:00+09:00"), "admin", false, EXPIRES, false, false,
                null)));

        mvc.perform(get("/api/admin/api-tokens/t-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("t-1"))
                .andExpect(jsonPath("$.label").value("AI-OCR"))
                .andExpect(jsonPath("$.token").doesNotExist());
        mvc.perform(get("/api/admin/api-tokens/t-9"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void revokesATokenAndAnUnknownOneIsNotFound() throws Exception {
        mvc.perform(delete("/api/admin/api-tokens/t-1").with(csrf())).andExpect(status().isNoContent());
        verify(tokens).revoke("t-1", "admin");

        willThrow(new NotFoundException("No such active token")).given(tokens).revoke("t-9", "admin");
        mvc.perform(delete("/api/admin/api-tokens/t-9").with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No such active token"));
    }

    @Test
    void givesATokenANewLastDayAndAnswersItAsListedWithoutTheToken() throws Exception {
        given(tokens.changeExpiry("t-1", LocalDate.parse("2028-03-31"), "admin")).willReturn(new ApiTokens.TokenInfo(
                "t-1", "rpa-bot", List.of("shimin-ka"), "AI-OCR", OffsetDateTime.parse("2026-06-10T10:00:00+09:00"),
                "admin", false, OffsetDateTime.parse("2028-04-01T00:00:00+09:00"), false, false, null));

        mvc.perform(patch("/api/admin/api-tokens/t-1").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresOn\": \"2028-03-31\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("t-1"))
                .andExpect(jsonPath("$.expiresAt").value("2028-04-01T00:00:00+09:00"))
                .andExpect(jsonPath("$.expired").value(false))
                .andExpect(jsonPath("$.token").doesNotExist())
                .andExpect(jsonPath("$.lastValidDay").doesNotExist());
    }

    @Test
    void aNewLastDayThatIsNoDateIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        mvc.perform(patch("/api/admin/api-tokens/t-1").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresOn\": \"31/03/2028\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        verify(tokens, never()).changeExpiry(any(), any(), any());
    }

    @Test
    void aRevokedTokenIsAConflictNamingItsStateAndAnUnknownOneIsNotFound() throws Exception {
        given(tokens.changeExpiry("t-1", LocalDate.parse("2028-03-31"), "admin"))
                .willThrow(new ConflictException("revoked", "The token is revoked; issue a new one"));
        given(tokens.changeExpiry("t-9", LocalDate.parse("2028-03-31"), "admin"))
                .willThrow(new NotFoundException("No such token"));

        mvc.perform(patch("/api/admin/api-tokens/t-1").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresOn\": \"2028-03-31\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("revoked"));
        mvc.perform(patch("/api/admin/api-tokens/t-9").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresOn\": \"2028-03-31\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void revokingARevokedTokenIsAConflictNamingItsState() throws Exception {
        willThrow(new ConflictException("revoked", "The token is revoked already")).given(tokens).revoke("t-1", "admin");

        mvc.perform(delete("/api/admin/api-tokens/t-1").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("revoked"));
    }

    @Test
    @WithAnonymousUser
    void nobodySignedInIsUnauthorised() throws Exception {
        mvc.perform(get("/api/admin/api-tokens")).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/admin/api-tokens/t-1").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(patch("/api/admin/api-tokens/t-1").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"expiresOn\": \"2028-03-31\"}")).andExpect(status().isUnauthorized());
        verify(tokens, never()).revoke(any(), any());
        verify(tokens, never()).changeExpiry(any(), any(), any());
    }
}
