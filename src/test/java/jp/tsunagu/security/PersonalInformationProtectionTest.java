package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Personal details are encrypted, masked everywhere, revealed only with a purpose to those with a need to know, and
 * never reach the logs, the audit trail or the engine's variables.
 */
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class PersonalInformationProtectionTest extends AbstractIntegrationTest {

    static final String MARKER = "MARKER-7f3a 山田太郎 090-1234-5678";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void personalDetailsAreRevealedOnlyWithAPurposeToThoseWhoNeedThem(CapturedOutput output) throws Exception {
        Api api = new Api(mvc);
        String id = api.as("sato").raise("""
                {"title": "住民票の誤交付", "description": "別人の住民票を交付した可能性", "category": "CITIZEN_SERVICE",
                 "severity": "MEDIUM", "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true,
                 "personalDetails": "%s"}""".formatted(MARKER));
        String issue = "/api/issues/" + id;

        api.as("sato").get(issue).andExpect(jsonPath("$.personalDetails").value("●●●"));
        api.as("sato").post(issue + "/personal-details/reveal", "{}").andExpect(status().isBadRequest());
        api.as("sato").post(issue + "/personal-details/reveal", "{\"purpose\": \"本人への連絡\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.personalDetails").value(MARKER));
        api.as("takahashi").post(issue + "/personal-details/reveal", "{\"purpose\": \"確認\"}").andExpect(status().isNotFound());

        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post(issue + "/escalation-requests", "{\"reason\": \"部内共有\"}").andExpect(status().isNoContent());
        api.as("suzuki").post(issue + "/personal-details/reveal", "{\"purpose\": \"承認判断\"}").andExpect(status().isOk());
        api.as("suzuki").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isNoContent());

        // Shared with the department: takahashi and kimura now see the issue, but not the personal details.
        api.as("takahashi").get(issue).andExpect(status().isOk()).andExpect(jsonPath("$.personalDetails").value("●●●"));
        api.as("takahashi").post(issue + "/personal-details/reveal", "{\"purpose\": \"確認\"}").andExpect(status().isForbidden());
        api.as("kimura").post(issue + "/personal-details/reveal", "{\"purpose\": \"確認\"}").andExpect(status().isForbidden());
        api.as("watanabe").post(issue + "/personal-details/reveal", "{\"purpose\": \"監査\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.personalDetails").value(MARKER));

        List<String> revealers = jdbc.sql("select actor from audit_event where issue_id = ? and action = 'PERSONAL_DETAILS_REVEALED' order by seq")
                .param(id).query(String.class).list();
        assertThat(revealers).containsExactly("sato", "suzuki", "watanabe");
        assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ? and action = 'ACCESS_DENIED'")
                .param(id).query(Long.class).single()).isEqualTo(3);

        String fragment = "MARKER-7f3a";
        assertThat(output.getAll()).doesNotContain(fragment);
        assertThat(count("select count(*) from audit_event where details like ?", fragment)).isZero();
        assertThat(count("select count(*) from issue where personal_details like ?", fragment)).as("encrypted at rest").isZero();
        assertThat(count("select count(*) from ACT_RU_VARIABLE where TEXT_ like ? or TEXT2_ like ?", fragment, fragment)).isZero();
        assertThat(count("select count(*) from ACT_HI_VARINST where TEXT_ like ? or TEXT2_ like ?", fragment, fragment)).isZero();
    }

    /**
     * The issue's history tells its whole audience who revealed the details and when, but the purpose typed with a
     * reveal may name the citizen, so only those who may reveal read it, in the API and on the issue page alike.
     */
    @Test
    void theRevealsPurposeIsReadOnlyByThoseWhoMayReveal() throws Exception {
        Api api = new Api(mvc);
        String id = api.as("sato").raise("""
                {"title": "窓口での取り違え", "description": "交付物の取り違え", "category": "CITIZEN_SERVICE",
                 "severity": "MEDIUM", "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true,
                 "personalDetails": "山田 花子"}""");
        String issue = "/api/issues/" + id;
        String purpose = "山田様への折り返し連絡のため";
        api.as("sato").post(issue + "/personal-details/reveal", "{\"purpose\": \"%s\"}".formatted(purpose))
                .andExpect(status().isOk());
        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post(issue + "/escalation-requests", "{\"reason\": \"部内共有\"}").andExpect(status().isNoContent());
        api.as("suzuki").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isNoContent());

        String reveal = "$.items[?(@.action == 'PERSONAL_DETAILS_REVEALED')]";
        api.as("takahashi").get(issue + "/history").andExpect(status().isOk())
                .andExpect(jsonPath(reveal + ".actor").value("sato"))
                .andExpect(jsonPath(reveal + ".details.present").value(true))
                .andExpect(jsonPath(reveal + ".details.purpose").isEmpty());
        for (String mayReveal : List.of("sato", "suzuki", "watanabe")) {
            api.as(mayReveal).get(issue + "/history").andExpect(status().isOk())
                    .andExpect(jsonPath(reveal + ".details.purpose").value(purpose));
            assertThat(page(id, mayReveal)).as(mayReveal + "'s issue page, by the same rule as the API")
                    .contains("<span class=\"timeline-label\">表示の目的：</span><span>" + purpose + "</span>");
        }
        assertThat(page(id, "takahashi")).contains("data-action=\"PERSONAL_DETAILS_REVEALED\"").doesNotContain(purpose)
                .doesNotContain("timeline-purpose");
    }

    /** The page offers the reveal by the rule the reveal itself applies, and never when nothing was recorded. */
    @Test
    void theIssuePageOffersTheRevealOnlyToThoseWhoMayAndOnlyWhenThereAreDetails() throws Exception {
        Api api = new Api(mvc);
        String id = api.as("sato").raise("""
                {"title": "届出書の記載誤り", "description": "窓口で受け付けた届出書の記載に誤り", "category": "CITIZEN_SERVICE",
                 "severity": "MEDIUM", "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true,
                 "personalDetails": "鈴木 次郎"}""");
        String issue = "/api/issues/" + id;
        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post(issue + "/escalation-requests", "{\"reason\": \"部内共有\"}").andExpect(status().isNoContent());
        api.as("suzuki").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isNoContent());

        for (String person : List.of("sato", "suzuki", "watanabe")) {
            assertThat(page(id, person)).as(person).contains("id=\"action-reveal\"").doesNotContain("reveal-not-offered");
        }
        assertThat(page(id, "takahashi")).contains("●●●", "個人情報を表示できるのは、所管課の職員、この課題の承認者と監査担当です。")
                .doesNotContain("id=\"action-reveal\"");

        String withoutDetails = api.as("sato").raise("""
                {"title": "個人情報の詳細なし", "description": "説明", "category": "PERSONAL_INFORMATION",
                 "severity": "MEDIUM", "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true}""");
        assertThat(page(withoutDetails, "sato")).contains("個人情報を含む課題ですが、個人情報の詳細は登録されていません。")
                .doesNotContain("id=\"action-reveal\"", "個人情報は伏せ字で表示しています。");
    }

    private String page(String id, String person) throws Exception {
        return mvc.perform(get("/issues/" + id).with(user(person))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long count(String sql, String... fragments) {
        Object[] patterns = java.util.Arrays.stream(fragments).map(f -> "%" + f + "%").toArray();
        return jdbc.sql(sql).params(patterns).query(Long.class).single();
    }
}
