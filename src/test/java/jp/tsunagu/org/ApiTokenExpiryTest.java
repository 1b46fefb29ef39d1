package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A token expires after the last day the administrator chose: refused from midnight after it like a revoked one,
 * audited, and shown as expired; its last use is recorded at most once every 15 minutes. Time is the engine's clock,
 * which the app's {@code Clock} reads.
 */
class ApiTokenExpiryTest extends AbstractApiTokenClockTest {

    @Test
    void aTokenIsRefusedFromMidnightAfterItsLastDayAuditedAndListedAsExpired() throws Exception {
        String label = "期限つき " + UUID.randomUUID().toString().substring(0, 8);
        String answer = issue("{\"username\": \"rpa-bot\", \"sections\": [\"shimin-ka\"], \"label\": \"" + label
                + "\", \"expiresOn\": \"" + today.plusDays(10) + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(answer, "$.token");
        String id = JsonPath.read(answer, "$.id");
        Instant expiresAt = today.plusDays(11).atStartOfDay(TOKYO).toInstant();
        assertThat(OffsetDateTime.parse(JsonPath.read(answer, "$.expiresAt")).toInstant()).isEqualTo(expiresAt);

        at(expiresAt.minusMillis(1));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        at(expiresAt);
        long seq = lastAuditSeq();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().stringValues("WWW-Authenticate",
                        hasItems("Basic realm=\"Tsunagu\", charset=\"UTF-8\"", "Bearer realm=\"Tsunagu\"")))
                .andExpect(jsonPath("$.detail").value(
                        "Sign in with HTTP Basic, or send an API token as Authorization: Bearer."));
        assertThat(jdbc.sql("select actor, action, details from audit_event where seq > ? order by seq")
                .param(seq).query().listOfRows())
                .singleElement().satisfies(event -> {
                    assertThat(event.get("actor")).isEqualTo("rpa-bot");
                    assertThat(event.get("action")).isEqualTo("LOGIN_FAILED");
                    assertThat((String) event.get("details")).contains("\"reason\":\"EXPIRED_TOKEN\"",
                            "\"tokenId\":\"" + id + "\"").doesNotContain(token);
                });

        Map<String, Object> listed = listed(id);
        assertThat(listed).containsEntry("expired", true).containsEntry("revoked", false)
                .containsEntry("expiresSoon", false);
        String page = mvc.perform(get("/admin/api-tokens").with(admin())).andReturn().getResponse()
                .getContentAsString();
        String row = page.substring(page.indexOf("data-token=\"" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains(label, "期限切れ").doesNotContain("token-revoke");
    }

    @Test
    void theExpiryDefaultsToAYearAndMayBeAtMostThreeYearsAhead() throws Exception {
        long tokens = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        String byDefault = issue("{\"username\": \"rpa-bot\", \"sections\": [\"shimin-ka\"]}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(OffsetDateTime.parse(JsonPath.read(byDefault, "$.expiresAt")).toInstant())
                .isEqualTo(today.plusYears(1).plusDays(1).atStartOfDay(TOKYO).toInstant());
        issue(withExpiry(today.plusYears(3).toString())).andExpect(status().isCreated());
        issue(withExpiry(today.toString())).andExpect(status().isCreated());

        String range = "must be a date from " + today + " to " + today.plusYears(3) + " (at most 3 years ahead)";
        for (String refused : List.of(today.plusYears(3).plusDays(1).toString(), today.minusDays(1).toString())) {
            issue(withExpiry(refused)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
                    .andExpect(jsonPath("$.errors[0].message").value(range));
        }
        issue(withExpiry("2026-02-30")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
                .andExpect(jsonPath("$.errors[0].message").value("has an invalid value (a date such as 2026-11-24)"));
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(tokens + 3);
    }

    @Test
    void theLastUseIsWrittenAtMostOnceEveryFifteenMinutes() throws Exception {
        String answer = issue("{\"username\": \"rpa-bot\", \"sections\": [\"shimin-ka\"]}")
                .andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(answer, "$.token");
        String id = JsonPath.read(answer, "$.id");
        assertThat(lastUsed(id)).as("never used").isNull();
        assertThat(listed(id)).containsEntry("lastUsedAt", null);

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed(id)).isEqualTo(now);

        at(now.plus(Duration.ofMinutes(15)).minusSeconds(1));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed(id)).as("a second call within the interval writes nothing").isEqualTo(now);

        Instant later = now.plus(Duration.ofMinutes(15));
        at(later);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        assertThat(lastUsed(id)).isEqualTo(later);
        assertThat(OffsetDateTime.parse((String) listed(id).get("lastUsedAt")).toInstant()).isEqualTo(later);
    }

    @Test
    void thePageWarnsAboutATokenThatExpiresWithinThirtyDaysInBothLanguages() throws Exception {
        String label = "まもなく期限 " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf()).param("username", "rpa-bot")
                .param("sections", "shimin-ka").param("label", label).param("expiresOn", today.plusDays(29).toString()));

        mvc.perform(get("/admin/api-tokens").with(admin()))
                .andExpect(content().string(containsString("30日以内に有効期限が切れるトークンが")))
                .andExpect(content().string(containsString("「" + label + "」：")));
        mvc.perform(get("/admin/api-tokens").param("lang", "en").with(admin()))
                .andExpect(content().string(containsString("expire within 30 days")))
                // The label people typed in Japanese is marked as Japanese inside the English sentence.
                .andExpect(content().string(containsString("\"<span lang=\"ja\">" + label + "</span>\": until")));
    }

    @Test
    void aRefusedDateOnThePageIsSaidInTheReadersLanguageAndIssuesNothing() throws Exception {
        long tokens = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        String tooLate = today.plusYears(3).plusDays(1).toString();
        mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf()).param("username", "rpa-bot")
                        .param("sections", "shimin-ka").param("expiresOn", tooLate))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "有効期限は" + today + "から" + today.plusYears(3) + "までの日付を選んでください。")))
                .andExpect(content().string(containsString("value=\"" + tooLate + "\"")));
        mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf()).param("lang", "en").param("username", "rpa-bot")
                        .param("sections", "shimin-ka").param("expiresOn", "next year"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "Choose an expiry date from " + today + " to " + today.plusYears(3) + ".")));
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(tokens);
    }

    private ResultActions issue(String body) throws Exception {
        return mvc.perform(post("/api/admin/api-tokens").with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The token as {@code GET /api/admin/api-tokens} lists it, wherever in the answer the list is. */
    private Map<String, Object> listed(String id) throws Exception {
        String answer = mvc.perform(get("/api/admin/api-tokens").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> tokens = JsonPath.read(answer, "$..[?(@.id == '" + id + "')]");
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    private static String withExpiry(String day) {
        return "{\"username\": \"rpa-bot\", \"sections\": [\"shimin-ka\"], \"expiresOn\": \"" + day + "\"}";
    }

    private Instant lastUsed(String id) {
        return jdbc.sql("select last_used_at from api_token where id = ?").param(id)
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().get(0);
    }
}
