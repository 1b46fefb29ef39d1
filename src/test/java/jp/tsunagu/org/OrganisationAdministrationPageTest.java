package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The administrator changes the organisation through the page; the change signs people in, and it is audited. */
@AutoConfigureMockMvc
class OrganisationAdministrationPageTest extends AbstractIntegrationTest {

    static final String PASSWORD = "Kokubunji-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminAddsASectionAndAPersonWhoSignsInUntilDisabled() throws Exception {
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "kosodate-ka")
                        .param("nameJa", "子育て支援課").param("nameEn", "Child Support Section"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "mori").param("displayName", "森 さくら").param("role", "STAFF")
                        .param("sectionCode", "kosodate-ka").param("departmentCode", "").param("password", PASSWORD))
                .andExpect(redirectedUrl("/admin/organisation"));

        mvc.perform(get("/api/me").with(httpBasic("mori", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("mori"))
                .andExpect(jsonPath("$.roles[0]").value("STAFF"))
                .andExpect(jsonPath("$.section").value("kosodate-ka"))
                .andExpect(jsonPath("$.sectionName").value("子育て支援課"))
                .andExpect(jsonPath("$.department").value("fukushi"));
        assertThat(jdbc.sql("select password_hash from person where username = 'mori'").query(String.class).single())
                .as("bcrypt").startsWith("$2a$");

        mvc.perform(get("/admin/organisation").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("子育て支援課"), containsString("森 さくら"))));

        mvc.perform(post("/admin/organisation/placement").with(admin()).with(csrf())
                        .param("username", "mori").param("role", "SECTION_CHIEF").param("sectionCode", "kosodate-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").with(httpBasic("mori", PASSWORD)))
                .andExpect(jsonPath("$.roles[0]").value("SECTION_CHIEF"));

        mvc.perform(post("/admin/organisation/people/mori/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").with(httpBasic("mori", PASSWORD))).andExpect(status().isUnauthorized());

        List<String> changes = jdbc.sql("""
                select details from audit_event where action = 'ADMINISTRATION_CHANGED' and actor = 'admin'
                and seq > ? order by seq""").param(lastSeq).query(String.class).list();
        assertThat(changes).hasSize(4);
        assertThat(changes.get(0)).contains("section added", "kosodate-ka");
        assertThat(changes.get(1)).contains("person added", "mori");
        assertThat(changes.get(2)).contains("person placement changed", "SECTION_CHIEF");
        assertThat(changes.get(3)).contains("person disabled", "mori");
        assertThat(jdbc.sql("select count(*) from audit_event where details like ?").param("%" + PASSWORD + "%")
                .query(Long.class).single()).as("no password in the audit trail").isZero();
        String hash = jdbc.sql("select password_hash from person where username = 'mori'").query(String.class).single();
        assertThat(jdbc.sql("select count(*) from audit_event where details like ?").param("%" + hash + "%")
                .query(Long.class).single()).as("no password hash either").isZero();
    }

    @Test
    void aBadCodeIsShownAtItsFieldAndNothingIsWritten() throws Exception {
        long sections = jdbc.sql("select count(*) from section").query(Long.class).single();
        long audit = auditCount();

        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "Bad Code!")
                        .param("nameJa", "誤り課").param("nameEn", "Wrong Section"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"section-code-error\""),
                        containsString("半角の英小文字・数字・ハイフンで1〜64文字にしてください。"),
                        containsString("aria-describedby=\"section-code-error\""),
                        containsString("value=\"誤り課\""))));

        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "shimin-ka")
                        .param("nameJa", "重複課").param("nameEn", "Duplicate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("すでに使われています。")));

        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "nobody").param("displayName", "誰か").param("role", "STAFF")
                        .param("sectionCode", "no-such-section").param("password", PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"person-section-error\""),
                        containsString("登録されていません。"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(PASSWORD))));

        assertThat(jdbc.sql("select count(*) from section").query(Long.class).single()).isEqualTo(sections);
        assertThat(jdbc.sql("select count(*) from person where username = 'nobody'").query(Long.class).single()).isZero();
        assertThat(auditCount()).isEqualTo(audit);
    }

    /** Bcrypt takes 72 bytes: 24 kana are 72 bytes of UTF-8, 30 are 90 and used to be a 500. */
    @Test
    void aPasswordIsMeasuredInBytesAsBcryptMeasuresIt() throws Exception {
        long audit = auditCount();
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "kana-okada").param("displayName", "岡田 悠").param("role", "STAFF")
                        .param("sectionCode", "shimin-ka").param("password", "あ".repeat(30)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"person-password-error\""),
                        containsString("8文字以上、72バイト以内で入力してください。"))));
        assertThat(jdbc.sql("select count(*) from person where username = 'kana-okada'").query(Long.class).single())
                .isZero();
        assertThat(auditCount()).isEqualTo(audit);

        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "kana-okada").param("displayName", "岡田 悠").param("role", "STAFF")
                        .param("sectionCode", "shimin-ka").param("password", "あ".repeat(24)))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").with(httpBasic("kana-okada", "あ".repeat(24)))).andExpect(status().isOk());
    }

    @Test
    void adminRenamesADepartmentASectionAndAPersonAndThePagesShowTheNewNames() throws Exception {
        mvc.perform(post("/admin/organisation/departments").with(admin()).with(csrf())
                        .param("code", "kikaku").param("nameJa", "企画部").param("nameEn", "Planning Department"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "kikaku").param("code", "joho-ka")
                        .param("nameJa", "情報管理課").param("nameEn", "Information Section"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "ishii").param("displayName", "石井 美香").param("role", "STAFF")
                        .param("sectionCode", "joho-ka").param("password", PASSWORD))
                .andExpect(redirectedUrl("/admin/organisation"));
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        mvc.perform(post("/admin/organisation/unit-names").with(admin()).with(csrf())
                        .param("unit", "section:joho-ka").param("nameJa", "デジタル推進課")
                        .param("nameEn", "Digital Transformation Section"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/unit-names").with(admin()).with(csrf())
                        .param("unit", "department:kikaku").param("nameJa", " 政策部 ").param("nameEn", "Policy Department"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/person-names").with(admin()).with(csrf())
                        .param("username", "ishii").param("displayName", "山口 美香"))
                .andExpect(redirectedUrl("/admin/organisation"));
        // The same values again are no change: nothing to audit.
        mvc.perform(post("/admin/organisation/person-names").with(admin()).with(csrf())
                        .param("username", "ishii").param("displayName", "山口 美香").param("mailAddress", " "))
                .andExpect(redirectedUrl("/admin/organisation"));

        mvc.perform(get("/api/me").with(httpBasic("ishii", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("山口 美香"))
                .andExpect(jsonPath("$.section").value("joho-ka"))
                .andExpect(jsonPath("$.sectionName").value("デジタル推進課"))
                .andExpect(jsonPath("$.departmentName").value("政策部"));
        mvc.perform(get("/admin/organisation").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("デジタル推進課"), containsString("政策部"),
                        containsString("data-fill-nameja=\"デジタル推進課\""),
                        containsString("data-fill-nameen=\"Policy Department\""),
                        containsString("data-fill-displayname=\"山口 美香\""),
                        org.hamcrest.Matchers.not(containsString("情報管理課")))));

        List<String> changes = jdbc.sql("""
                select details from audit_event where action = 'ADMINISTRATION_CHANGED' and actor = 'admin'
                and seq > ? order by seq""").param(lastSeq).query(String.class).list();
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0)).contains("section renamed", "joho-ka", "情報管理課", "デジタル推進課");
        assertThat(changes.get(1)).contains("department renamed", "\"政策部\"", "企画部");
        assertThat(changes.get(2)).contains("person name or mail address changed", "ishii", "石井 美香", "山口 美香")
                .doesNotContain("mailAddress");
    }

    @Test
    void aPersonsOwnMailAddressIsKeptShownAndAudited() throws Exception {
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "hayashi").param("displayName", "林 健").param("role", "STAFF")
                        .param("sectionCode", "keizai").param("password", PASSWORD)
                        .param("mailAddress", " ken.hayashi@city.example.lg.jp "))
                .andExpect(redirectedUrl("/admin/organisation"));
        assertThat(jdbc.sql("select mail_address from person where username = 'hayashi'").query(String.class).single())
                .isEqualTo("ken.hayashi@city.example.lg.jp");
        mvc.perform(get("/admin/organisation").with(admin()))
                .andExpect(content().string(allOf(containsString("<td>ken.hayashi@city.example.lg.jp</td>"),
                        containsString("data-fill-mailaddress=\"ken.hayashi@city.example.lg.jp\""),
                        containsString("（既定: ユーザー名@市のドメイン）"))));
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        mvc.perform(post("/admin/organisation/person-names").with(admin()).with(csrf())
                        .param("username", "hayashi").param("displayName", "林 健").param("mailAddress", ""))
                .andExpect(redirectedUrl("/admin/organisation"));

        assertThat(jdbc.sql("select count(*) from person where username = 'hayashi' and mail_address is null")
                .query(Long.class).single()).as("blank: back to the usual address").isOne();
        assertThat(jdbc.sql("""
                select details from audit_event where action = 'ADMINISTRATION_CHANGED' and seq > ?""")
                .param(lastSeq).query(String.class).single())
                .contains("\"before.mailAddress\":\"ken.hayashi@city.example.lg.jp\"", "\"mailAddress\":null")
                .doesNotContain("displayName");
    }

    @Test
    void anEmptyUnitAddedByMistakeIsRemovedAndOneInUseIsNot() throws Exception {
        mvc.perform(post("/admin/organisation/departments").with(admin()).with(csrf())
                        .param("code", "kari-bu").param("nameJa", "仮部").param("nameEn", "Provisional Department"))
                .andExpect(redirectedUrl("/admin/organisation"));
        for (String section : List.of("kari-ka", "ichiji-ka")) {
            mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf()).param("departmentCode", "kari-bu")
                            .param("code", section).param("nameJa", "仮課").param("nameEn", "Provisional Section"))
                    .andExpect(redirectedUrl("/admin/organisation"));
        }
        // An issue of 市民課 names ichiji-ka as a related section.
        mvc.perform(post("/api/issues").with(httpBasic("sato", "demo")).contentType("application/json").content("""
                        {"title": "窓口の混雑", "description": "仮課にも関係する", "category": "CITIZEN_SERVICE",
                         "severity": "LOW", "sectionCode": "shimin-ka", "relatedSections": ["ichiji-ka"],
                         "personalInfo": false}"""))
                .andExpect(status().isCreated());
        long audit = auditCount();

        for (String unit : List.of("department:kari-bu", "section:shimin-ka", "department:shimin-seikatsu",
                "section:ichiji-ka")) {
            mvc.perform(post("/admin/organisation/unit-removals").with(admin()).with(csrf()).param("unit", unit))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(allOf(containsString("id=\"remove-unit-choice-error\""),
                            containsString("参照しているため削除できません"))));
        }
        mvc.perform(post("/admin/organisation/unit-removals").with(admin()).with(csrf()).param("unit", "section:nothing"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("登録されていません。")));
        assertThat(auditCount()).isEqualTo(audit);
        assertThat(jdbc.sql("select count(*) from section where code in ('shimin-ka', 'ichiji-ka', 'kari-ka')")
                .query(Long.class).single()).isEqualTo(3);

        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        mvc.perform(post("/admin/organisation/unit-removals").with(admin()).with(csrf()).param("unit", "section:kari-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));
        assertThat(jdbc.sql("select count(*) from section where code = 'kari-ka'").query(Long.class).single()).isZero();
        mvc.perform(post("/admin/organisation/unit-removals").with(admin()).with(csrf()).param("unit", "department:kari-bu"))
                .andExpect(status().isBadRequest());
        List<String> changes = jdbc.sql("""
                select details from audit_event where action = 'ADMINISTRATION_CHANGED' and seq > ? order by seq""")
                .param(lastSeq).query(String.class).list();
        assertThat(changes).singleElement().asString().contains("\"what\":\"section removed\"", "kari-ka", "仮課");
    }

    @Test
    void aRefusedRenameIsShownAtItsFieldAndChangesNothing() throws Exception {
        long audit = auditCount();

        mvc.perform(post("/admin/organisation/unit-names").with(admin()).with(csrf())
                        .param("unit", "section:no-such-section").param("nameJa", "幻の課").param("nameEn", "Ghost"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"rename-unit-choice-error\""),
                        containsString("登録されていません。"), containsString("value=\"幻の課\""))));
        mvc.perform(post("/admin/organisation/unit-names").with(admin()).with(csrf())
                        .param("unit", "shimin-ka").param("nameJa", "市民課").param("nameEn", "Citizens Section"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"rename-unit-choice-error\"")));
        mvc.perform(post("/admin/organisation/unit-names").with(admin()).with(csrf())
                        .param("unit", "section:shimin-ka").param("nameJa", "   ").param("nameEn", "Citizens Section"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"rename-nameJa-error\""),
                        containsString("1〜200文字で入力してください。"),
                        containsString("aria-describedby=\"rename-nameJa-error\""))));
        mvc.perform(post("/admin/organisation/person-names").with(admin()).with(csrf())
                        .param("username", "sato").param("displayName", "あ".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"rename-person-displayName-error\"")));
        mvc.perform(post("/admin/organisation/person-names").with(admin()).with(csrf())
                        .param("username", "nobody").param("displayName", "誰か"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"rename-person-username-error\"")));
        mvc.perform(post("/admin/organisation/person-names").with(admin()).with(csrf())
                        .param("username", "sato").param("displayName", "佐藤 花子").param("mailAddress", "sato at city"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"rename-person-mailAddress-error\""),
                        containsString("メールアドレスの形式"), containsString("value=\"sato at city\""))));
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "kondo").param("displayName", "近藤").param("role", "STAFF")
                        .param("sectionCode", "shimin-ka").param("password", PASSWORD)
                        .param("mailAddress", "kondo@" + "x".repeat(250) + ".jp"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"person-mailAddress-error\"")));
        assertThat(jdbc.sql("select count(*) from person where username = 'kondo'").query(Long.class).single()).isZero();

        assertThat(jdbc.sql("select name_ja from section where code = 'shimin-ka'").query(String.class).single())
                .isEqualTo("市民課");
        assertThat(jdbc.sql("select display_name from person where username = 'sato'").query(String.class).single())
                .isEqualTo("佐藤 花子");
        assertThat(auditCount()).isEqualTo(audit);
    }

    @Test
    void onlyTheAdministratorMayChangeTheOrganisation() throws Exception {
        mvc.perform(post("/admin/organisation/departments").with(user("sato").roles("STAFF")).with(csrf())
                        .param("code", "sneaky").param("nameJa", "裏部").param("nameEn", "Sneaky"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisation/people/sato/disable").with(user("watanabe").roles("AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisation/unit-names").with(user("tanaka").roles("DEPARTMENT_HEAD")).with(csrf())
                        .param("unit", "department:shimin-seikatsu").param("nameJa", "乗っ取り部").param("nameEn", "Taken"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisation/person-names").with(user("sato").roles("STAFF")).with(csrf())
                        .param("username", "sato").param("displayName", "別人"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from department where code = 'sneaky'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select name_ja from department where code = 'shimin-seikatsu'").query(String.class)
                .single()).isEqualTo("市民生活部");
        assertThat(jdbc.sql("select display_name from person where username = 'sato'").query(String.class).single())
                .isEqualTo("佐藤 花子");
        assertThat(jdbc.sql("select enabled from person where username = 'sato'").query(Boolean.class).single()).isTrue();
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
