package jp.tsunagu.org.web;

import static jp.tsunagu.testsupport.MarkedFields.assertMarked;
import static jp.tsunagu.testsupport.MarkedFields.assertNotMarked;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.OrganisationAdministration;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({OrganisationUnitPageController.class, OrganisationPeoplePageController.class})
@WithMockUser(username = "admin", roles = "ADMIN")
class OrganisationPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    OrganisationAdministration administration;

    @Test
    void adminOpensOnTheOrganisation() throws Exception {
        mvc.perform(get("/admin")).andExpect(redirectedUrl("/admin/organisation"));
    }

    @Test
    void showsDepartmentsSectionsPeopleAndRoles() throws Exception {
        given(organisation.departments()).willReturn(List.of(
                new Department("shimin-seikatsu", "市民生活部", "Citizen Life Department", "shimin-ka")));
        given(organisation.sectionsOf("shimin-seikatsu")).willReturn(List.of(
                new Section("keizai", "shimin-seikatsu", "経済課", "Economy Section"),
                new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section")));
        given(organisation.people()).willReturn(List.of(
                new Person("admin", "管理者", Role.ADMIN, null, null),
                new Person("sato", "佐藤 花子", Role.STAFF, "shimin-ka", "shimin-seikatsu"),
                new Person("tanaka", "田中 博", Role.DEPARTMENT_HEAD, null, "shimin-seikatsu")));

        mvc.perform(get("/admin/organisation"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("市民生活部"), containsString("<th scope=\"row\">部全体</th>"),
                        containsString("田中 博"), containsString("<td>部長</td>"),
                        containsString("<th scope=\"row\">市民課</th>"), containsString("佐藤 花子"),
                        containsString("<td>職員</td>"), containsString("<th scope=\"row\">経済課</th>"),
                        containsString("登録されている職員はいません。"), containsString("部に属さない利用者"),
                        containsString("管理者"),
                        containsString("<nav class=\"page-contents\" aria-label=\"このページの操作\">"),
                        containsString("<a href=\"#remove-unit-heading\">部・課の削除</a>"))));
        mvc.perform(get("/admin/organisation").param("lang", "en"))
                .andExpect(content().string(allOf(
                        containsString("<td lang=\"ja\">田中 博</td>"), containsString("<td lang=\"ja\">佐藤 花子</td>"),
                        containsString("<span lang=\"ja\">管理者</span>"),
                        containsString("<th scope=\"row\">Citizens Section</th>"))));
    }

    /** Renaming or removing the first unit by accident is what a preselected first unit invited. */
    @Test
    void theUnitChoicesStartAtAPlaceholderAndNotChoosingIsRefusedAtTheField() throws Exception {
        given(organisation.departments()).willReturn(List.of(
                new Department("shimin-seikatsu", "市民生活部", "Citizen Life Department", "shimin-ka")));
        String page = mvc.perform(get("/admin/organisation")).andReturn().getResponse().getContentAsString();
        for (String id : List.of("rename-unit-choice", "remove-unit-choice")) {
            org.assertj.core.api.Assertions.assertThat(page)
                    .containsPattern("<select id=\"" + id + "\"[^>]*>\\s*<option value=\"\">選んでください</option>\\s*<optgroup");
        }

        mvc.perform(post("/admin/organisation/unit-removals").with(csrf()).param("unit", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("変更は保存していません。"), containsString(
                        "<p class=\"field-error\" id=\"remove-unit-choice-error\">部または課を選んでください。</p>"))));
        mvc.perform(post("/admin/organisation/unit-names").with(csrf()).param("unit", "").param("nameJa", "新しい課")
                        .param("nameEn", "New Section").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("value=\"新しい課\""), containsString(
                        "<p class=\"field-error\" id=\"rename-unit-choice-error\">Choose a department or a section.</p>"))));
        // The rename has the service check the names with no unit (which it refuses in any case); even where the
        // service finds nothing else wrong, the page refuses the unchosen unit itself. The removal has nothing to check.
        org.mockito.Mockito.verify(administration).renameDepartment("", "新しい課", "New Section");
        org.mockito.Mockito.verify(administration, org.mockito.Mockito.times(3)).everyone();
        org.mockito.Mockito.verifyNoMoreInteractions(administration);
    }
    /**
     * A role no form offers is the page's own problem, shown with the problems the service finds in the rest of the
     * form; the service, given no role, refuses that too, but in words that would not fit (a role it requires).
     */
    @Test
    void aRoleNoFormOffersIsShownWithTheServicesProblemsOfTheRestOfTheForm() throws Exception {
        org.mockito.BDDMockito.willThrow(new InvalidInputException(List.of(
                        new FieldProblem("username", OrganisationAdministration.CODE_FORMAT),
                        new FieldProblem("role", OrganisationAdministration.REQUIRED),
                        new FieldProblem("mailAddress", OrganisationAdministration.MAIL_FORMAT))))
                .given(administration).addPerson(org.mockito.ArgumentMatchers.any());

        String page = mvc.perform(post("/admin/organisation/people").with(csrf()).param("username", "Bad Name")
                        .param("displayName", "森 さくら").param("role", "WIZARD").param("sectionCode", "shimin-ka")
                        .param("password", "Kokubunji-2026!").param("mailAddress", "mori@"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertMarked(page, "person-username", "半角の英小文字・数字・ハイフンで1〜64文字にしてください。");
        assertMarked(page, "person-role", "登録されていません。");
        assertMarked(page, "person-mailAddress",
                "メールアドレスの形式（例: taro.yamada@city.example.lg.jp）で、254文字以内で入力してください。");
        assertNotMarked(page, "person-displayName");
        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("この役割では必須です。")
                .contains("value=\"Bad Name\"", "value=\"森 さくら\"", "value=\"mori@\"");
        org.mockito.Mockito.verify(administration).addPerson(new OrganisationAdministration.NewPerson("Bad Name",
                "森 さくら", null, "shimin-ka", "", "Kokubunji-2026!", "mori@"));
    }

    /** A problem of a field the form does not show is still said, in the summary, after the form's own fields. */
    @Test
    void theSummaryKeepsAProblemOfAFieldTheFormDoesNotShow() throws Exception {
        org.mockito.BDDMockito.willThrow(new InvalidInputException(List.of(
                        new FieldProblem("colour", OrganisationAdministration.UNKNOWN),
                        new FieldProblem("code", OrganisationAdministration.TAKEN))))
                .given(administration).addDepartment("fukushi", "福祉部", "Welfare");

        String page = mvc.perform(post("/admin/organisation/departments").with(csrf()).param("code", "fukushi")
                        .param("nameJa", "福祉部").param("nameEn", "Welfare"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        org.assertj.core.api.Assertions.assertThat(page).containsPattern("(?s)id=\"form-errors\">\\s*<p>部を追加："
                + ".*<li>\\s*<a href=\"#department-code\">コード：すでに使われています。</a>\\s*</li>"
                + "\\s*<li>\\s*登録されていません。\\s*</li>");
    }

    /** Names joined with a username, a code or a role read with the punctuation of the page's language. */
    @Test
    void namesJoinedWithUsernamesCodesAndRolesUseThePagesPunctuation() throws Exception {
        Person admin = new Person("admin", "管理者", Role.ADMIN, null, null);
        given(organisation.people()).willReturn(List.of(admin));
        given(organisation.sections()).willReturn(List.of(
                new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section")));
        given(administration.everyone()).willReturn(List.of(new OrganisationAdministration.PersonEntry(
                new Person("sato", "佐藤 花子", Role.STAFF, "shimin-ka", "shimin-seikatsu"), true, null)));

        mvc.perform(get("/admin/organisation"))
                .andExpect(content().string(allOf(containsString("管理者（<code>admin</code>）、管理者</li>"),
                        containsString(">佐藤 花子（sato）</option>"), containsString(">市民課（shimin-ka）</option>"),
                        not(containsString(" (<code>admin</code>),")), not(containsString("佐藤 花子 (sato)")))));
        mvc.perform(get("/admin/organisation").param("lang", "en"))
                .andExpect(content().string(allOf(
                        containsString("<span lang=\"ja\">管理者</span> (<code>admin</code>), Administrator</li>"),
                        containsString(">佐藤 花子 (sato)</option>"), containsString(">Citizens Section (shimin-ka)</option>"))));
    }
}
