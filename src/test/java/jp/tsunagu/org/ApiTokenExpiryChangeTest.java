package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An administrator gives an existing token a new last valid day, by the rules of issuing, with the token itself
 * unchanged: later or sooner, an expired token revived, a revoked one refused. Every change is audited with the days
 * before and after; a refusal changes and audits nothing. Time is the engine's clock, which the app's Clock reads.
 */
class ApiTokenExpiryChangeTest extends AbstractApiTokenClockTest {

    @Test
    void extendsAndShortensATokenWhichKeepsWorkingAndAuditsEachChangeWithTheDaysBeforeAndAfter() throws Exception {
        String label = "延長 " + UUID.randomUUID().toString().substring(0, 8);
        Issued token = issue(label, today.plusDays(10));
        long seq = lastAuditSeq();

        LocalDate later = today.plusYears(3);
        change(token.id(), "{\"expiresOn\": \"" + later + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(token.id()))
                .andExpect(jsonPath("$.label").value(label))
                .andExpect(jsonPath("$.expiresAt").value(later.plusDays(1) + "T00:00:00+09:00"))
                .andExpect(jsonPath("$.expired").value(false))
                .andExpect(jsonPath("$.expiresSoon").value(false))
                .andExpect(jsonPath("$.token").doesNotExist());
        assertThat(storedExpiry(token.id())).isEqualTo(midnightAfter(later));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret())).andExpect(status().isOk());

        change(token.id(), "{\"expiresOn\": \"" + today + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expiresSoon").value(true));
        assertThat(storedExpiry(token.id())).isEqualTo(midnightAfter(today));

        List<JsonNode> changes = auditedChangesSince(seq);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("what",
                "tokenId", "label", "username", "before.expiresOn", "expiresOn", "before.expiresAt", "expiresAt",
                "before.expired");
        assertThat(changes.get(0).get("what").asText()).isEqualTo("api token expiry changed");
        assertThat(changes.get(0).get("tokenId").asText()).isEqualTo(token.id());
        assertThat(changes.get(0).get("label").asText()).isEqualTo(label);
        assertThat(changes.get(0).get("username").asText()).isEqualTo("rpa-bot");
        assertThat(changes.get(0).get("before.expiresOn").asText()).isEqualTo(today.plusDays(10).toString());
        assertThat(changes.get(0).get("expiresOn").asText()).isEqualTo(later.toString());
        assertThat(changes.get(0).get("before.expiresAt").asText()).isEqualTo(midnightAfter(today.plusDays(10)).toString());
        assertThat(changes.get(0).get("expiresAt").asText()).isEqualTo(midnightAfter(later).toString());
        assertThat(changes.get(0).get("before.expired").asBoolean()).isFalse();
        assertThat(changes.get(1).get("before.expiresOn").asText()).isEqualTo(later.toString());
        assertThat(changes.get(1).get("expiresOn").asText()).isEqualTo(today.toString());
        assertThat(changes).allSatisfy(change -> assertThat(change.toString()).doesNotContain(token.secret()));
    }

    @Test
    void aDayOutsideTheRangeOrNoDayIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        Issued token = issue("範囲外 " + UUID.randomUUID().toString().substring(0, 8), today.plusDays(10));
        long seq = lastAuditSeq();

        String range = "must be a date from " + today + " to " + today.plusYears(3) + " (at most 3 years ahead)";
        for (LocalDate refused : List.of(today.plusYears(3).plusDays(1), today.minusDays(1))) {
            change(token.id(), "{\"expiresOn\": \"" + refused + "\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
                    .andExpect(jsonPath("$.errors[0].message").value(range));
        }
        change(token.id(), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "is required: the token's last valid day, such as 2026-11-24"));
        change(token.id(), "{\"expiresOn\": \"2026-02-30\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));

        assertThat(storedExpiry(token.id())).isEqualTo(midnightAfter(today.plusDays(10)));
        assertThat(lastAuditSeq()).as("nothing audited").isEqualTo(seq);
    }

    @Test
    void theDayATokenHasAlreadyChangesNothingAndIsNotAudited() throws Exception {
        Issued token = issue("同じ日 " + UUID.randomUUID().toString().substring(0, 8), today.plusDays(10));
        long seq = lastAuditSeq();

        change(token.id(), "{\"expiresOn\": \"" + today.plusDays(10) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(token.id()));
        assertThat(lastAuditSeq()).isEqualTo(seq);
    }

    @Test
    void aRevokedTokenCannotBeChangedOrRevokedAgainAndAnUnknownOneIsNotFound() throws Exception {
        Issued token = issue("失効済み " + UUID.randomUUID().toString().substring(0, 8), today.plusDays(10));
        mvc.perform(delete("/api/admin/api-tokens/" + token.id()).with(httpBasic("admin", "demo")))
                .andExpect(status().isNoContent());
        long seq = lastAuditSeq();

        change(token.id(), "{\"expiresOn\": \"" + today.plusYears(1) + "\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("revoked"));
        // Its state stands in the way before the day is checked.
        change(token.id(), "{}").andExpect(status().isConflict());
        mvc.perform(delete("/api/admin/api-tokens/" + token.id()).with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("revoked"));
        mvc.perform(post("/admin/api-tokens/" + token.id() + "/expiry").with(admin()).with(csrf())
                        .param("expiresOn", today.plusYears(1).toString()))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("errorKey", "admin.tokens.error.gone"));

        assertThat(storedExpiry(token.id())).isEqualTo(midnightAfter(today.plusDays(10)));
        assertThat(lastAuditSeq()).as("nothing audited").isEqualTo(seq);

        change(UUID.randomUUID().toString(), "{\"expiresOn\": \"" + today.plusYears(1) + "\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anExpiredTokenGivenANewDayWorksAgain() throws Exception {
        Issued token = issue("休日明け " + UUID.randomUUID().toString().substring(0, 8), today);
        Instant afterTheHoliday = midnightAfter(today).plus(3, ChronoUnit.DAYS);
        at(afterTheHoliday);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isUnauthorized());
        long seq = lastAuditSeq();

        LocalDate newDay = today.plusDays(3).plusMonths(6);
        change(token.id(), "{\"expiresOn\": \"" + newDay + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.expired").value(false));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("rpa-bot"));

        List<JsonNode> changes = auditedChangesSince(seq);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.get("before.expired").asBoolean()).isTrue();
            assertThat(change.get("before.expiresOn").asText()).isEqualTo(today.toString());
            assertThat(change.get("expiresOn").asText()).isEqualTo(newDay.toString());
        });
    }

    @Test
    void onThePageAChangeIsSaidAndARefusedDayComesBackAtItsRowAsTyped() throws Exception {
        String label = "画面で延長 " + UUID.randomUUID().toString().substring(0, 8);
        Issued token = issue(label, today.plusDays(10));
        String tooLate = today.plusYears(3).plusDays(1).toString();

        String page = mvc.perform(post("/admin/api-tokens/" + token.id() + "/expiry").with(admin()).with(csrf())
                        .param("expiresOn", tooLate))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("data-token=\"" + token.id() + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("value=\"" + tooLate + "\"",
                "aria-invalid=\"true\"", "有効期限は" + today + "から" + today.plusYears(3) + "までの日付を選んでください。");
        assertThat(storedExpiry(token.id())).isEqualTo(midnightAfter(today.plusDays(10)));

        mvc.perform(post("/admin/api-tokens/" + token.id() + "/expiry").with(admin()).with(csrf())
                        .param("expiresOn", today.plusYears(2).toString()))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("successKey", "admin.tokens.expiry.changed"));
        assertThat(storedExpiry(token.id())).isEqualTo(midnightAfter(today.plusYears(2)));
        mvc.perform(get("/admin/api-tokens").with(admin()).flashAttr("successKey", "admin.tokens.expiry.changed"))
                .andExpect(content().string(containsString("有効期限を変更しました。")))
                .andExpect(content().string(containsString("value=\"" + today.plusYears(2) + "\"")));
    }

    private record Issued(String id, String secret) {
    }

    private Issued issue(String label, LocalDate lastDay) throws Exception {
        String answer = mvc.perform(post("/api/admin/api-tokens").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"rpa-bot\", \"sections\": "
                                + "[\"shimin-ka\"], \"label\": \"" + label + "\", \"expiresOn\": \"" + lastDay + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Issued(JsonPath.read(answer, "$.id"), JsonPath.read(answer, "$.token"));
    }

    private ResultActions change(String id, String body) throws Exception {
        return mvc.perform(patch("/api/admin/api-tokens/" + id).with(httpBasic("admin", "demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static Instant midnightAfter(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(TOKYO).toInstant();
    }

    private Instant storedExpiry(String id) {
        return jdbc.sql("select expires_at from api_token where id = ?").param(id)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
    }

    private List<JsonNode> auditedChangesSince(long seq) {
        ObjectMapper json = new ObjectMapper();
        return jdbc.sql("""
                select details from audit_event where actor = 'admin' and action = 'ADMINISTRATION_CHANGED'
                  and seq > ? order by seq""").param(seq).query(String.class).list().stream()
                .map(details -> {
                    try {
                        return json.readTree(details);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
