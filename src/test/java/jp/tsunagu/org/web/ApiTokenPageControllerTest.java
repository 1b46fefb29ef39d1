package jp.tsunagu.org.web;

import static jp.tsunagu.testsupport.DemoPeople.ADMIN;
import static jp.tsunagu.testsupport.DemoPeople.SATO;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.org.ApiTokens;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page's own mapping and wording; the token working and being audited, and that only ADMIN reaches the page, are
 * tested on the whole application ({@code ApiTokenPageTest}).
 */
@WebMvcTest(ApiTokenPageController.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class ApiTokenPageControllerTest {

    static final Person BOT = new Person("rpa-bot", "RPA（市民課）", Role.SERVICE, "shimin-ka", "shimin-seikatsu");
    static final Section SHIMIN = new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section");
    static final Section KEIZAI = new Section("keizai", "shimin-seikatsu", "経済課", "Economy Section");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-06-10T10:00:00+09:00");
    static final ApiTokens.ExpiryChoice CHOICE = new ApiTokens.ExpiryChoice(LocalDate.parse("2026-06-10"),
            LocalDate.parse("2027-06-10"), LocalDate.parse("2029-06-10"));
    static final OffsetDateTime EXPIRES = OffsetDateTime.parse("2027-06-11T00:00:00+09:00");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ApiTokens tokens;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsAdmin() {
        given(currentUser.require()).willReturn(ADMIN);
        given(organisation.people()).willReturn(List.of(ADMIN, BOT, SATO));
        given(organisation.sections()).willReturn(List.of(KEIZAI, SHIMIN));
        given(tokens.expiryChoice()).willReturn(CHOICE);
    }

    @Test
    void listsTokensWithTheirAccountAndSectionsAndOffersOnlyServiceAccounts() throws Exception {
        ApiTokens.TokenInfo active = new ApiTokens.TokenInfo("t-1", "rpa-bot", List.of("shimin-ka", "kari-ka"),
                "AI-OCR 申請書", AT, "admin", false, EXPIRES, false, false, null);
        ApiTokens.TokenInfo ofARemovedAccount = new ApiTokens.TokenInfo("t-2", "old-bot", List.of("keizai"), "旧RPA", AT,
                "admin", true, EXPIRES, false, false, null);
        given(tokens.list()).willReturn(List.of(active, ofARemovedAccount));

        mvc.perform(get("/admin/api-tokens"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("serviceAccounts", List.of(BOT)))
                .andExpect(model().attribute("tokens", List.of(
                        new ApiTokenPageController.TokenRow(active, BOT, List.of(SHIMIN)),
                        new ApiTokenPageController.TokenRow(ofARemovedAccount, null, List.of(KEIZAI)))))
                .andExpect(content().string(allOf(containsString("AI-OCR 申請書"), containsString("RPA（市民課）"),
                        containsString("action=\"/admin/api-tokens/t-1/revoke\""),
                        not(containsString("action=\"/admin/api-tokens/t-2/revoke\"")),
                        containsString("<option value=\"rpa-bot\">"), not(containsString("<option value=\"sato\"")))));
    }

    @Test
    void showsEachTokensExpiryLastUseAndStateAndWarnsAboutThoseExpiringSoon() throws Exception {
        given(tokens.list()).willReturn(List.of(
                token("t-1", "AI-OCR 申請書", false, "2026-07-01T00:00:00+09:00", false, true,
                        OffsetDateTime.parse("2026-06-10T10:15:00+09:00")),
                token("t-2", "旧RPA", false, "2026-06-01T00:00:00+09:00", true, false, null),
                token("t-3", "定型RPA", false, "2027-06-11T00:00:00+09:00", false, false, null),
                // A token from before expiry days (V17) ends at the moment it was given, not at a midnight.
                token("t-5", "移行前RPA", false, "2027-03-01T14:30:00+09:00", false, false, null)));

        mvc.perform(get("/admin/api-tokens"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("id=\"tokens-expiring\" role=\"status\""),
                        containsString("30日以内に有効期限が切れるトークンが1件あります。"),
                        containsString("<li>「AI-OCR 申請書」：2026年6月30日(火)まで</li>"),
                        not(containsString("「定型RPA」：")),
                        // The last day it may be used, as the administrator chose it, not the midnight after it.
                        containsString("<span class=\"token-last-day\">2027年6月10日(木)まで</span>"),
                        not(containsString("00:00まで")),
                        containsString("<span class=\"token-last-day\">2027年3月1日(月) 14:30まで</span>"),
                        containsString("<td class=\"token-last-used\">2026年6月10日(水) 10:15</td>"),
                        containsString("<td class=\"token-last-used\">未使用</td>"),
                        containsString("<td class=\"token-state\">有効（まもなく期限切れ）</td>"),
                        containsString("<td class=\"token-state\">期限切れ</td>"),
                        containsString("<td class=\"token-state\">有効</td>"),
                        containsString("action=\"/admin/api-tokens/t-1/revoke\""),
                        not(containsString("action=\"/admin/api-tokens/t-2/revoke\"")))));
        mvc.perform(get("/admin/api-tokens").param("lang", "en"))
                .andExpect(content().string(allOf(
                        containsString("id=\"tokens-expiring\" role=\"status\""),
                        containsString("1 token(s) expire within 30 days."),
                        containsString("put it in the tool&#39;s settings"),
                        // What an administrator typed is read with a Japanese voice, the sentence around it in English.
                        containsString("<li>\"<span lang=\"ja\">AI-OCR 申請書</span>\": until the end of Tue 30 Jun 2026</li>"),
                        containsString("<th scope=\"row\" lang=\"ja\">AI-OCR 申請書</th>"),
                        containsString("<td class=\"token-last-used\">Wed 10 Jun 2026 10:15</td>"),
                        containsString("<td class=\"token-last-used\">Never</td>"),
                        containsString("<td class=\"token-state\">Active (expires soon)</td>"),
                        containsString("<td class=\"token-state\">Expired</td>"))));
    }

    @Test
    void noWarningWhenNoTokenExpiresSoonAndTheFormSuggestsAYear() throws Exception {
        given(tokens.list()).willReturn(List.of(
                token("t-3", "定型RPA", false, "2027-06-11T00:00:00+09:00", false, false, null),
                token("t-4", "失効済み", true, "2026-06-20T00:00:00+09:00", false, false, null)));

        mvc.perform(get("/admin/api-tokens"))
                .andExpect(content().string(allOf(not(containsString("tokens-expiring")),
                        containsString("<td class=\"token-state\">失効</td>"),
                        containsString("name=\"expiresOn\" value=\"2027-06-10\""),
                        containsString("min=\"2026-06-10\" max=\"2029-06-10\""),
                        containsString("最長で3年後（2029-06-10）まで選べます。"))));
    }

    @Test
    void issuesATokenValidThroughTheChosenDay() throws Exception {
        given(tokens.issue("rpa-bot", Set.of("shimin-ka"), "", LocalDate.parse("2027-01-31"), "admin"))
                .willReturn(new ApiTokens.IssuedToken("t-5", "tsu_def", "rpa-bot", Set.of("shimin-ka"), EXPIRES));

        mvc.perform(post("/admin/api-tokens").with(csrf()).param("username", "rpa-bot").param("sections", "shimin-ka")
                        .param("expiresOn", "2027-01-31"))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("newToken", "tsu_def"));
    }

    @Test
    void aDateThatIsNoDateIsRefusedAtItsFieldAndKept() throws Exception {
        mvc.perform(post("/admin/api-tokens").with(csrf()).param("username", "rpa-bot").param("sections", "shimin-ka")
                        .param("expiresOn", "来年"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<p class=\"field-error\" id=\"token-expires-error\">有効期限は2026-06-10から2029-06-10までの日付を選んでください。</p>"),
                        containsString("value=\"来年\""), containsString("aria-invalid=\"true\""))));
        verify(tokens, never()).issue(any(), any(), any(), any(), any());
    }

    @Test
    void issuesATokenForTheChosenAccountAndSectionsAndShowsItOnce() throws Exception {
        given(tokens.issue("rpa-bot", Set.of("shimin-ka", "keizai"), "AI-OCR", null, "admin"))
                .willReturn(new ApiTokens.IssuedToken("t-3", "tsu_abc", "rpa-bot", Set.of("keizai", "shimin-ka"), EXPIRES));

        mvc.perform(post("/admin/api-tokens").with(csrf()).param("username", "rpa-bot")
                        .param("sections", "shimin-ka", "keizai").param("label", "AI-OCR"))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("successKey", "admin.tokens.issued"))
                .andExpect(flash().attribute("newToken", "tsu_abc"));
    }

    @Test
    void noSectionTickedIsAskedOfTheServiceAsNone() throws Exception {
        given(tokens.issue("rpa-bot", Set.of(), "", null, "admin"))
                .willThrow(new InvalidInputException("sections", "must name at least one section"));

        mvc.perform(post("/admin/api-tokens").with(csrf()).param("username", "rpa-bot"))
                .andExpect(status().isBadRequest());
        verify(tokens).issue("rpa-bot", Set.of(), "", null, "admin");
    }

    @Test
    void aRefusedFormComesBackWithEachErrorAtItsFieldAndItsChoicesKept() throws Exception {
        given(tokens.issue(any(), any(), any(), any(), any())).willThrow(new InvalidInputException(List.of(
                new FieldProblem("username", "is not a service account"),
                new FieldProblem("label", "must be at most 200 characters"))));

        mvc.perform(post("/admin/api-tokens").with(csrf()).param("username", "sato").param("sections", "keizai")
                        .param("label", "長すぎる名前"))
                .andExpect(status().isBadRequest())
                .andExpect(flash().attributeCount(0))
                .andExpect(content().string(allOf(
                        containsString("<p class=\"field-error\" id=\"token-account-error\">連携用アカウントを選んでください。</p>"),
                        containsString("<p class=\"field-error\" id=\"token-label-error\">名前は200文字以内にしてください。</p>"),
                        containsString("発行はしていません。"), containsString("value=\"長すぎる名前\""),
                        containsString("value=\"keizai\" checked"), not(containsString("value=\"shimin-ka\" checked")))));
    }

    @Test
    void theRefusalReadsInEnglish() throws Exception {
        given(tokens.issue(any(), any(), any(), any(), any()))
                .willThrow(new InvalidInputException("sections", "must name at least one section"));

        mvc.perform(post("/admin/api-tokens").param("lang", "en").with(csrf()).param("username", "rpa-bot"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Choose at least one section."),
                        containsString("No token was issued."))));
    }

    @Test
    void revokesAToken() throws Exception {
        mvc.perform(post("/admin/api-tokens/t-1/revoke").with(csrf()))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("successKey", "admin.tokens.revoked"));
        verify(tokens).revoke("t-1", "admin");
    }

    @Test
    void aTokenRevokedMeanwhileIsSaidToBeSo() throws Exception {
        willThrow(new NotFoundException("No such active token")).given(tokens).revoke("t-1", "admin");

        mvc.perform(post("/admin/api-tokens/t-1/revoke").with(csrf()))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("errorKey", "admin.tokens.error.gone"));
    }

    @Test
    void everyTokenButARevokedOneOffersANewLastDayPrefilledWithItsOwnWithinTheAllowedRange() throws Exception {
        given(tokens.list()).willReturn(List.of(
                token("t-1", "AI-OCR 申請書", false, "2027-06-11T00:00:00+09:00", false, false, null),
                token("t-2", "旧RPA", false, "2026-06-01T00:00:00+09:00", true, false, null),
                token("t-4", "失効済み", true, "2026-06-20T00:00:00+09:00", false, false, null),
                token("t-5", "移行前RPA", false, "2027-03-01T14:30:00+09:00", false, false, null)));

        mvc.perform(get("/admin/api-tokens"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<details class=\"row-edit\">"),
                        containsString("aria-label=\"トークン「AI-OCR 申請書」の有効期限の変更\">有効期限の変更</summary>"),
                        containsString("action=\"/admin/api-tokens/t-1/expiry\""),
                        containsString("<label for=\"token-expiry-t-1\">「AI-OCR 申請書」の新しい有効期限（この日まで使えます）</label>"),
                        containsString("<input type=\"date\" id=\"token-expiry-t-1\" name=\"expiresOn\" required value=\"2027-06-10\" min=\"2026-06-10\" max=\"2029-06-10\" aria-describedby=\"token-expiry-t-1-hint\">"),
                        containsString("aria-label=\"トークン「AI-OCR 申請書」の有効期限を変更する\">変更する</button>"),
                        // An expired token may be revived: its row offers a new day, prefilled with the day it ended.
                        containsString("action=\"/admin/api-tokens/t-2/expiry\""),
                        containsString("id=\"token-expiry-t-2\" name=\"expiresOn\" required value=\"2026-05-31\""),
                        // A token from before expiry days ends during its last day.
                        containsString("id=\"token-expiry-t-5\" name=\"expiresOn\" required value=\"2027-03-01\""),
                        containsString("今日から3年後（2029-06-10）までの日を選べます。"),
                        not(containsString("action=\"/admin/api-tokens/t-4/expiry\"")),
                        not(containsString("aria-invalid")))));
        mvc.perform(get("/admin/api-tokens").param("lang", "en"))
                .andExpect(content().string(allOf(
                        containsString("aria-label=\"Change expiry of the token &quot;AI-OCR 申請書&quot;\">Change expiry</summary>"),
                        containsString("New expiry of \"<span lang=\"ja\">AI-OCR 申請書</span>\" (it works through this day)</label>"),
                        containsString("aria-label=\"Change the expiry of the token &quot;AI-OCR 申請書&quot;\">Change</button>"))));
    }

    @Test
    void givesATokenTheChosenLastDayAndSaysSo() throws Exception {
        mvc.perform(post("/admin/api-tokens/t-1/expiry").with(csrf()).param("expiresOn", "2028-03-31"))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("successKey", "admin.tokens.expiry.changed"));
        verify(tokens).changeExpiry("t-1", LocalDate.parse("2028-03-31"), "admin");
    }

    @Test
    void aRefusedDayComesBackAtThatTokensFieldAsTypedWithTheIssueFormUntouched() throws Exception {
        given(tokens.list()).willReturn(List.of(
                token("t-1", "AI-OCR 申請書", false, "2027-06-11T00:00:00+09:00", false, false, null),
                token("t-3", "定型RPA", false, "2027-06-11T00:00:00+09:00", false, false, null)));
        given(tokens.changeExpiry("t-1", LocalDate.parse("2030-01-01"), "admin"))
                .willThrow(new InvalidInputException("expiresOn", "must be a date from 2026-06-10 to 2029-06-10"));

        mvc.perform(post("/admin/api-tokens/t-1/expiry").with(csrf()).param("expiresOn", "2030-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(flash().attributeCount(0))
                .andExpect(content().string(allOf(
                        containsString("<title>エラー：APIトークン"),
                        containsString("有効期限は変更していません。"),
                        containsString("<details class=\"row-edit\" open=\"open\">"),
                        containsString("<p class=\"field-error\" id=\"token-expiry-t-1-error\">有効期限は2026-06-10から2029-06-10までの日付を選んでください。</p>"),
                        containsString("id=\"token-expiry-t-1\" name=\"expiresOn\" required value=\"2030-01-01\" min=\"2026-06-10\" max=\"2029-06-10\" aria-invalid=\"true\" aria-describedby=\"token-expiry-t-1-error token-expiry-t-1-hint\""),
                        containsString("id=\"token-expiry-t-3\" name=\"expiresOn\" required value=\"2027-06-10\" min=\"2026-06-10\" max=\"2029-06-10\" aria-describedby=\"token-expiry-t-3-hint\""),
                        not(containsString("token-expires-error")),
                        containsString("name=\"expiresOn\" value=\"2027-06-10\""))));
    }

    @Test
    void aDayThatIsNoDateIsRefusedAtThatTokensFieldWithoutAskingTheService() throws Exception {
        given(tokens.list()).willReturn(List.of(
                token("t-1", "AI-OCR 申請書", false, "2027-06-11T00:00:00+09:00", false, false, null)));

        mvc.perform(post("/admin/api-tokens/t-1/expiry").with(csrf()).param("lang", "en").param("expiresOn", "next year"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("The expiry was not changed."),
                        containsString("<p class=\"field-error\" id=\"token-expiry-t-1-error\">Choose an expiry date from 2026-06-10 to 2029-06-10.</p>"),
                        containsString("value=\"next year\""))));
        verify(tokens, never()).changeExpiry(any(), any(), any());
    }

    @Test
    void aTokenRevokedOrRemovedMeanwhileIsSaidToBeGone() throws Exception {
        given(tokens.changeExpiry("t-1", LocalDate.parse("2028-03-31"), "admin"))
                .willThrow(new ConflictException("revoked", "The token is revoked; issue a new one"));
        given(tokens.changeExpiry("t-9", LocalDate.parse("2028-03-31"), "admin"))
                .willThrow(new NotFoundException("No such token"));
        willThrow(new ConflictException("revoked", "The token is revoked already")).given(tokens).revoke("t-1", "admin");

        for (String action : List.of("/admin/api-tokens/t-1/expiry", "/admin/api-tokens/t-9/expiry",
                "/admin/api-tokens/t-1/revoke")) {
            mvc.perform(post(action).with(csrf()).param("expiresOn", "2028-03-31"))
                    .andExpect(redirectedUrl("/admin/api-tokens"))
                    .andExpect(flash().attribute("errorKey", "admin.tokens.error.gone"));
        }
    }

    @Test
    void changesNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/admin/api-tokens/t-1/revoke")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/api-tokens/t-1/expiry").param("expiresOn", "2028-03-31"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/api-tokens").param("username", "rpa-bot").param("sections", "shimin-ka"))
                .andExpect(status().isForbidden());
        verify(tokens, never()).revoke(any(), any());
        verify(tokens, never()).issue(any(), any(), any(), any(), any());
        verify(tokens, never()).changeExpiry(any(), any(), any());
    }

    private static ApiTokens.TokenInfo token(String id, String label, boolean revoked, String expiresAt, boolean expired,
            boolean expiresSoon, OffsetDateTime lastUsedAt) {
        return new ApiTokens.TokenInfo(id, "rpa-bot", List.of("shimin-ka"), label, AT, "admin", revoked,
                OffsetDateTime.parse(expiresAt), expired, expiresSoon, lastUsedAt);
    }

    @Test
    @WithAnonymousUser
    void nobodySignedInIsSentToTheLogin() throws Exception {
        mvc.perform(get("/admin/api-tokens").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/login"));
        verify(tokens, never()).list();
    }
}
