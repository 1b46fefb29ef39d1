package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static jp.tsunagu.testsupport.MarkedFields.assertMarked;
import static jp.tsunagu.testsupport.MarkedFields.assertNotMarked;
import static jp.tsunagu.testsupport.MarkedFields.assertSummaryLeadsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.OrganisationAdministration.NewPerson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each organisation form sent with several wrong fields comes back once with all of them: each marked at its field,
 * listed in the form's order by the summary on top, which names the form and links to each, everything typed (but a
 * password) still there, nothing written and nothing audited.
 */
@AutoConfigureMockMvc
class OrganisationFormsReportEveryProblemTest extends AbstractIntegrationTest {

    private static final String CODE_FORMAT = "半角の英小文字・数字・ハイフンで1〜64文字にしてください。";
    private static final String NAME_LENGTH = "1〜200文字で入力してください。";
    private static final String UNKNOWN = "登録されていません。";
    private static final String TAKEN = "すでに使われています。";
    private static final String MAIL_FORMAT = "メールアドレスの形式（例: taro.yamada@city.example.lg.jp）で、254文字以内で入力してください。";
    private static final String SUMMARY = "入力内容に誤りがあります。各項目の表示を確認してください。変更は保存していません。";
    private static final String TOO_LONG = "長".repeat(201);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationAdministration administration;

    private String organisationBefore;
    private long auditBefore;

    @BeforeEach
    void rememberTheOrganisation() {
        organisationBefore = organisation();
        auditBefore = auditCount();
    }

    @AfterEach
    void nothingWasWrittenNorAudited() {
        assertThat(organisation()).isEqualTo(organisationBefore);
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void addDepartment() throws Exception {
        String page = refused(post("/admin/organisation/departments")
                .param("code", "Bad Code!").param("nameJa", "  ").param("nameEn", TOO_LONG));
        assertMarked(page, "department-code", CODE_FORMAT);
        assertMarked(page, "department-nameJa", NAME_LENGTH);
        assertMarked(page, "department-nameEn", NAME_LENGTH);
        assertThat(page).contains("value=\"Bad Code!\"", "value=\"" + TOO_LONG + "\"");
        assertSummaryLeadsTo(page, "部を追加：" + SUMMARY, "department-code", "department-nameJa", "department-nameEn");
        assertThat(page).contains("<a href=\"#department-code\">コード：" + CODE_FORMAT + "</a>",
                "<a href=\"#department-nameEn\">名称（英語）：" + NAME_LENGTH + "</a>");

        page = refused(post("/admin/organisation/departments")
                .param("code", "fukushi").param("nameJa", "").param("nameEn", "Welfare Again"));
        assertMarked(page, "department-code", TAKEN);
        assertMarked(page, "department-nameJa", NAME_LENGTH);
        assertNotMarked(page, "department-nameEn");
        assertThat(page).contains("value=\"Welfare Again\"");
        assertSummaryLeadsTo(page, "部を追加：", "department-code", "department-nameJa");
    }

    @Test
    void addSection() throws Exception {
        String page = refused(post("/admin/organisation/sections").param("departmentCode", "no-such-bu")
                .param("code", "shimin-ka").param("nameJa", "新しい課").param("nameEn", " "));
        assertMarked(page, "section-department", UNKNOWN);
        assertMarked(page, "section-code", TAKEN);
        assertNotMarked(page, "section-nameJa");
        assertMarked(page, "section-nameEn", NAME_LENGTH);
        assertThat(page).contains("value=\"shimin-ka\"", "value=\"新しい課\"");
        assertSummaryLeadsTo(page, "課を追加：", "section-department", "section-code", "section-nameEn");

        // No department chosen is said as a choice to make, not as something a role needs.
        page = refused(post("/admin/organisation/sections").param("departmentCode", "")
                .param("code", "atarashii-ka").param("nameJa", "新しい課").param("nameEn", "New Section"));
        assertMarked(page, "section-department", "選んでください。");
    }

    @Test
    void renameUnit() throws Exception {
        String page = refused(post("/admin/organisation/unit-names")
                .param("unit", "section:no-such-ka").param("nameJa", "").param("nameEn", TOO_LONG));
        assertMarked(page, "rename-unit-choice", UNKNOWN);
        assertMarked(page, "rename-nameJa", NAME_LENGTH);
        assertMarked(page, "rename-nameEn", NAME_LENGTH);
        assertThat(page).contains("value=\"" + TOO_LONG + "\"");

        page = refused(post("/admin/organisation/unit-names")
                .param("unit", "").param("nameJa", "新しい名前").param("nameEn", ""));
        assertMarked(page, "rename-unit-choice", "部または課を選んでください。");
        assertNotMarked(page, "rename-nameJa");
        assertMarked(page, "rename-nameEn", NAME_LENGTH);
        assertSummaryLeadsTo(page, "部・課の名称の変更：", "rename-unit-choice", "rename-nameEn");
        assertThat(page).contains("<a href=\"#rename-unit-choice\">部・課：部または課を選んでください。</a>");
        assertThat(page).contains("value=\"新しい名前\"");
    }

    @Test
    void removeUnit() throws Exception {
        String page = refused(post("/admin/organisation/unit-removals").param("unit", "section:no-such-ka"));
        assertMarked(page, "remove-unit-choice", UNKNOWN);
        assertSummaryLeadsTo(page, "部・課の削除：" + SUMMARY, "remove-unit-choice");
    }

    /** The person is the row's button, not a field: the summary leads to the problem said above the table. */
    @Test
    void disableOwnAccount() throws Exception {
        String page = refused(post("/admin/organisation/people/admin/disable").param("lang", "en"));
        assertSummaryLeadsTo(page, "People, enabled and disabled: some input is wrong", "enabled-error");
        assertThat(page).contains("<a href=\"#enabled-error\">Person: You cannot disable your own account");
    }

    @Test
    void addPerson() throws Exception {
        String page = refused(post("/admin/organisation/people")
                .param("username", "Mori Sakura").param("displayName", " ").param("role", "STAFF")
                .param("sectionCode", "no-such-ka").param("password", "short").param("mailAddress", "mori at city"));
        assertMarked(page, "person-username", CODE_FORMAT);
        assertMarked(page, "person-displayName", NAME_LENGTH);
        assertNotMarked(page, "person-role");
        assertMarked(page, "person-section", UNKNOWN);
        assertMarked(page, "person-password", "8文字以上、72バイト以内で入力してください。半角英数字・記号は1文字1バイト、"
                + "全角文字は1文字3バイトとして数えます（全角文字のみの場合は24文字まで）。");
        assertMarked(page, "person-mailAddress", MAIL_FORMAT);
        assertThat(page).contains("value=\"Mori Sakura\"", "value=\"mori at city\"",
                "<option value=\"STAFF\" selected=\"selected\">").doesNotContain("value=\"short\"");
        assertSummaryLeadsTo(page, "利用者を追加：" + SUMMARY, "person-username", "person-displayName",
                "person-section", "person-password", "person-mailAddress");

        page = refused(post("/admin/organisation/people").param("lang", "en")
                .param("username", "sato").param("displayName", "佐藤 二郎").param("role", "AUDITOR")
                .param("sectionCode", "shimin-ka").param("departmentCode", "shimin-seikatsu")
                .param("password", "Kokubunji-2026!"));
        assertMarked(page, "person-username", "This is already taken.");
        assertMarked(page, "person-section", "This role must not have it.");
        assertMarked(page, "person-department", "This role must not have it.");
        assertNotMarked(page, "person-password");
        assertThat(page).contains("<title>Error: ", "value=\"佐藤 二郎\"");
        assertSummaryLeadsTo(page, "Add a person: some input is wrong; see the fields. Nothing was saved.",
                "person-username", "person-section", "person-department");
        assertThat(page).contains("<a href=\"#person-username\">Username: This is already taken.</a>",
                "<a href=\"#person-department\">Department: This role must not have it.</a>");
    }

    @Test
    void changePlacement() throws Exception {
        String page = refused(post("/admin/organisation/placement").param("username", "nobody")
                .param("role", "DEPARTMENT_HEAD").param("sectionCode", "shimin-ka")
                .param("departmentCode", "no-such-bu"));
        assertMarked(page, "placement-username", UNKNOWN);
        assertMarked(page, "placement-section", "この役割では指定できません。");
        assertMarked(page, "placement-department", UNKNOWN);
        assertThat(page).contains("<option value=\"DEPARTMENT_HEAD\" selected=\"selected\">",
                "<option value=\"shimin-ka\" selected=\"selected\">");
        assertSummaryLeadsTo(page, "役割と所属の変更：", "placement-username", "placement-section",
                "placement-department");

        // A department head without a department: what the role needs.
        page = refused(post("/admin/organisation/placement").param("username", "sato")
                .param("role", "DEPARTMENT_HEAD").param("sectionCode", "").param("departmentCode", ""));
        assertMarked(page, "placement-department", "この役割では必須です。");
        page = refused(post("/admin/organisation/placement").param("lang", "en").param("username", "sato")
                .param("role", "STAFF").param("sectionCode", "").param("departmentCode", ""));
        assertMarked(page, "placement-section", "This role needs it.");
        assertSummaryLeadsTo(page, "Change role and placement: ", "placement-section");

        // A role no form offers is the page's own problem, found before the service's; the summary still follows
        // the form, where the person comes first.
        page = refused(post("/admin/organisation/placement").param("username", "nobody").param("role", "KING")
                .param("sectionCode", "shimin-ka").param("departmentCode", ""));
        assertMarked(page, "placement-username", UNKNOWN);
        assertMarked(page, "placement-role", UNKNOWN);
        assertSummaryLeadsTo(page, "役割と所属の変更：", "placement-username", "placement-role");
    }

    @Test
    void changeNameAndMailAddress() throws Exception {
        String page = refused(post("/admin/organisation/person-names")
                .param("username", "nobody").param("displayName", TOO_LONG).param("mailAddress", "a@b"));
        assertMarked(page, "rename-person-username", UNKNOWN);
        assertMarked(page, "rename-person-displayName", NAME_LENGTH);
        assertMarked(page, "rename-person-mailAddress", MAIL_FORMAT);
        assertThat(page).contains("value=\"a@b\"", "value=\"" + TOO_LONG + "\"");
        assertSummaryLeadsTo(page, "氏名とメールアドレスの変更：", "rename-person-username", "rename-person-displayName",
                "rename-person-mailAddress");
        assertThat(page).contains("<a href=\"#rename-person-username\">利用者：" + UNKNOWN + "</a>");
    }

    /** What a JSON API answers in its 400's {@code errors}: the service names every wrong field, not the first. */
    @Test
    void theServiceNamesEveryWrongFieldOfARequest() {
        assertThatThrownBy(() -> administration.addPerson(new NewPerson("Bad Name", "", Role.SERVICE, null, null,
                "a-password", "nowhere")))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.problems())
                        .extracting(FieldProblem::field, FieldProblem::message).containsExactly(
                                tuple("username", OrganisationAdministration.CODE_FORMAT),
                                tuple("displayName", OrganisationAdministration.NAME_LENGTH),
                                tuple("sectionCode", OrganisationAdministration.REQUIRED_FOR_ROLE),
                                tuple("password", OrganisationAdministration.NOT_FOR_ROLE),
                                tuple("mailAddress", OrganisationAdministration.MAIL_FORMAT)));
        assertThatThrownBy(() -> administration.addSection("", "shimin-ka", TOO_LONG, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("departmentCode", "code", "nameJa", "nameEn"));
        assertThatThrownBy(() -> administration.changePlacement("nobody", null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, refusal -> assertThat(refusal.problems())
                        .extracting(FieldProblem::field).containsExactly("username", "role"));
    }

    /** The page answers 400 with the summary on top, once. */
    private String refused(MockHttpServletRequestBuilder form) throws Exception {
        String page = mvc.perform(form.with(admin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        if (!page.contains("<html lang=\"en\"")) {
            assertThat(page).contains("<title>エラー：").containsOnlyOnce(SUMMARY);
        }
        assertThat(page).containsOnlyOnce("role=\"alert\" tabindex=\"-1\" data-focus-on-load");
        return page;
    }

    /** Every department, section and person, as the forms could change them. */
    private String organisation() {
        return String.valueOf(jdbc.sql("select * from department order by code").query().listOfRows())
                + jdbc.sql("select * from section order by code").query().listOfRows()
                + jdbc.sql("select * from person order by username").query().listOfRows();
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
