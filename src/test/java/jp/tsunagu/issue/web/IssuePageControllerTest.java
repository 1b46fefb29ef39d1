package jp.tsunagu.issue.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.IdempotencyKeyReusedException;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Section;
import jp.tsunagu.sla.HolidayDataNotCoveredException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(IssuePageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class IssuePageControllerTest {

    static final Section SHIMIN = new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section");
    static final Section HOKEN = new Section("hoken-nenkin", "shimin-seikatsu", "保険年金課", "Insurance and Pension Section");
    static final Section FUKUSHI_SOMU = new Section("fukushi-somu", "fukushi", "福祉総務課", "Welfare General Affairs Section");
    static final Department FUKUSHI = new Department("fukushi", "福祉部", "Welfare Department", "fukushi-somu");
    static final Department SHIMIN_SEIKATSU = new Department("shimin-seikatsu", "市民生活部", "Citizen Life Department",
            "shimin-ka");
    static final Department KANSA = new Department("kansa", "監査", "Internal Audit", null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssueIntake intake;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @BeforeEach
    void world() {
        given(currentUser.require()).willReturn(SATO);
        given(intake.sectionsToRaiseFor(SATO)).willReturn(List.of(SHIMIN));
        given(organisation.sectionsOf("shimin-seikatsu")).willReturn(List.of(SHIMIN, HOKEN));
        given(organisation.sectionsOf("fukushi")).willReturn(List.of(FUKUSHI_SOMU));
        given(organisation.departments()).willReturn(List.of(FUKUSHI, KANSA, SHIMIN_SEIKATSU));
    }

    @Test
    void everyDepartmentsSectionsMayBeRelatedWithTheRaisersOwnDepartmentFirstAndOpen() throws Exception {
        String page = mvc.perform(get("/issues/new")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"hoken-nenkin\"", "value=\"fukushi-somu\"")
                // The owning section is not offered as its own related section.
                .doesNotContain("name=\"relatedSections\" value=\"shimin-ka\"")
                // A department without sections is no group at all.
                .doesNotContain(">監査</summary>");
        assertThat(page.indexOf("<summary>市民生活部</summary>")).isPositive()
                .isLessThan(page.indexOf("<summary>福祉部</summary>"));
        assertThat(page).contains("<details class=\"related-group\" open=\"open\">\n        <summary>市民生活部</summary>",
                "<details class=\"related-group\">\n        <summary>福祉部</summary>");
    }

    @Test
    void aRefusedFormKeepsAnotherDepartmentsChosenSectionInSight() throws Exception {
        given(intake.raise(any(), any(), any()))
                .willThrow(new InvalidInputException("title", "must not be blank"));

        String page = mvc.perform(valid().param("relatedSections", "fukushi-somu"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<details class=\"related-group\" open=\"open\">\n        <summary>福祉部</summary>")
                .containsPattern("<input type=\"checkbox\" value=\"fukushi-somu\"[^>]*checked=\"checked\">");
    }

    @Test
    void theFormCarriesAFreshIdempotencyTokenAndThePersonalInformationReminder() throws Exception {
        mvc.perform(get("/issues/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("name=\"idempotencyToken\""), containsString("data-submit-once"),
                        containsString("<label for=\"title\">"), containsString("個人情報を含む"),
                        containsString("data-reveals=\"personal-details-group\""),
                        containsString("暗号化して保存"), containsString("保険年金課"),
                        containsString("<option value=\"shimin-ka\" selected=\"selected\">市民課</option>"))));
    }

    /** As on the API and in the CSV import, which AI-OCR tools rely on: the description may be left empty. */
    @Test
    void theDescriptionIsNotMarkedRequiredAndMayBeLeftEmpty() throws Exception {
        String form = mvc.perform(get("/issues/new")).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<label for=\"description\">内容</label>");
        String textarea = form.substring(form.indexOf("<textarea"), form.indexOf(">", form.indexOf("<textarea")));
        assertThat(textarea).contains("id=\"description\"", "maxlength=\"10000\"").doesNotContain("required");
        assertThat(form).contains("<label for=\"title\">件名 <span class=\"req\"");

        given(intake.raise(any(), eq(SATO), any())).willReturn(new RaisedIssue("i-2", "2026-000002", true));
        mvc.perform(post("/issues").with(csrf()).param("title", "窓口の混雑").param("description", "")
                        .param("category", "CITIZEN_SERVICE").param("severity", "MEDIUM").param("sectionCode", "shimin-ka"))
                .andExpect(redirectedUrl("/issues/i-2"));
        verify(intake).raise(eq(new RaiseIssueRequest("窓口の混雑", "", Category.CITIZEN_SERVICE, Severity.MEDIUM,
                "shimin-ka", List.of(), false, null)), eq(SATO), eq(Optional.empty()));
    }

    /** Every action on an issue confirms itself on the page it leads to; raising one did not (WCAG 4.1.3). */
    @Test
    void aRaisedIssueOpensWithAConfirmation() throws Exception {
        given(intake.raise(any(), eq(SATO), any())).willReturn(new RaisedIssue("i-3", "2026-000003", true));
        mvc.perform(post("/issues").with(csrf()).param("title", "窓口の混雑").param("description", "")
                        .param("category", "CITIZEN_SERVICE").param("severity", "MEDIUM").param("sectionCode", "shimin-ka"))
                .andExpect(redirectedUrl("/issues/i-3"))
                .andExpect(flash().attribute(PageErrors.FLASH_SUCCESS, "done.raised"));
    }

    @Test
    void missingFieldsAreExplainedInJapaneseNextToEachField() throws Exception {
        mvc.perform(post("/issues").with(csrf()).param("severity", "MEDIUM").param("sectionCode", "shimin-ka"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<p class=\"field-error\" id=\"title-error\">入力してください。</p>"),
                        containsString("<p class=\"field-error\" id=\"category-error\">選択してください。</p>"),
                        containsString("aria-invalid=\"true\""), containsString("入力内容に誤りがあります"))));
        verify(intake, never()).raise(any(), any(), any());
    }

    /** As every other form: refused input is a 400, with the form as it was filled in and the error summary. */
    @Test
    void aRefusedFormAnswers400WithTheInputKeptAndTheErrorSummary() throws Exception {
        String page = mvc.perform(titled(""))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"form-errors\"", "入力内容に誤りがあります", "待ち時間が長い</textarea>",
                "<option value=\"CITIZEN_SERVICE\" selected=\"selected\"", "value=\"token-1\"");
        verify(intake, never()).raise(any(), any(), any());
    }

    /**
     * A screen reader reads the title first: a form that came back says so there, and its summary is where focus
     * lands (a role=alert present at load is not announced).
     */
    @Test
    void aFormThatCameBackSaysSoInItsTitleAndItsSummaryTakesFocus() throws Exception {
        assertThat(mvc.perform(get("/issues/new")).andReturn().getResponse().getContentAsString())
                .contains("<title>課題の登録 | つなぐ</title>").doesNotContain("data-focus-on-load");
        mvc.perform(post("/issues").with(csrf()).param("severity", "MEDIUM").param("sectionCode", "shimin-ka"))
                .andExpect(content().string(allOf(containsString("<title>エラー：課題の登録 | つなぐ</title>"),
                        containsString("id=\"form-errors\" tabindex=\"-1\" data-focus-on-load"))));
        mvc.perform(post("/issues").with(csrf()).param("lang", "en").param("severity", "MEDIUM")
                        .param("sectionCode", "shimin-ka"))
                .andExpect(content().string(containsString("<title>Error: Raise an issue | Tsunagu</title>")));
    }

    /**
     * The language switch on the form sends the form along: what was typed comes back in the other language, under
     * the form's own address, and nothing is checked or raised.
     */
    @Test
    void switchingTheLanguageKeepsWhatWasTypedAndRaisesNothing() throws Exception {
        assertThat(mvc.perform(get("/issues/new")).andReturn().getResponse().getContentAsString())
                .contains("<form id=\"raise-form\"")
                .contains("name=\"languageSwitch\" value=\"en\" formnovalidate class=\"lang-switch-option\"",
                        "formaction=\"/issues?lang=en\" form=\"raise-form\">English</button>")
                .doesNotContain("href=\"/issues/new?lang=en\"");

        MvcResult switched = mvc.perform(post("/issues").queryParam("lang", "en").with(csrf())
                        .param("languageSwitch", "en").param("idempotencyToken", "token-1")
                        .param("title", "窓口の混雑").param("description", "午前中に行列")
                        .param("severity", "HIGH").param("sectionCode", "shimin-ka"))
                .andExpect(redirectedUrl("/issues/new"))
                .andReturn();
        verify(intake, never()).raise(any(), any(), any());

        String page = mvc.perform(get("/issues/new").cookie(switched.getResponse().getCookies())
                        .flashAttrs(switched.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Raise an issue | Tsunagu</title>", "value=\"窓口の混雑\"", "午前中に行列",
                "<option value=\"HIGH\" selected=\"selected\"", "value=\"token-1\"")
                .doesNotContain("field-error");
    }

    @Test
    void aTitleOfIdeographicSpacesIsRequiredAndOneWithATabIsRefusedAtTheField() throws Exception {
        mvc.perform(titled("\u3000\u3000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "<p class=\"field-error\" id=\"title-error\">入力してください。</p>")));
        mvc.perform(titled("窓口の\t混雑"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(
                        "<p class=\"field-error\" id=\"title-error\">改行やタブなどの制御文字は使えません。1行で入力してください。</p>")));
        verify(intake, never()).raise(any(), any(), any());
    }

    @Test
    void aTitleTooLongSaysTheLimit() throws Exception {
        mvc.perform(valid().param("title", "あ".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("200文字以内で入力してください。")));
    }

    @Test
    void tooManyRelatedSectionsSaysSectionsNotCharacters() throws Exception {
        String[] sections = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "ka-" + i).toArray(String[]::new);
        mvc.perform(valid().param("relatedSections", sections))
                .andExpect(content().string(allOf(containsString("関係課は20課まで選べます。"),
                        containsString("id=\"relatedSections-error\""))));
    }

    @Test
    void raisingGoesToTheNewIssueAndADoubleSubmitReusesTheKey() throws Exception {
        given(intake.raise(any(), eq(SATO), eq(Optional.of("token-1")))).willReturn(new RaisedIssue("i-1", "2026-000001", true))
                .willReturn(new RaisedIssue("i-1", "2026-000001", false));

        mvc.perform(valid()).andExpect(redirectedUrl("/issues/i-1"));
        mvc.perform(valid()).andExpect(redirectedUrl("/issues/i-1"));

        verify(intake, times(2)).raise(eq(new RaiseIssueRequest("窓口の混雑", "待ち時間が長い", Category.CITIZEN_SERVICE,
                Severity.MEDIUM, "shimin-ka", List.of("hoken-nenkin"), false, null)), eq(SATO), eq(Optional.of("token-1")));
    }

    @Test
    void theServicesFieldProblemsAreShownAtTheirField() throws Exception {
        given(intake.raise(any(), any(), any()))
                .willThrow(new InvalidInputException("relatedSections", "'x' is not a known section"));
        mvc.perform(valid())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("入力内容を確認してください。")))
                // The switch sends the refused form along to come back in English, never raising it.
                .andExpect(content().string(containsString(
                        "formaction=\"/issues?lang=en\" form=\"raise-form\">English</button>")));
    }

    @Test
    void theIntakesOwnProblemsAreEachSaidInTheirOwnWordsAtTheirField() throws Exception {
        given(intake.raise(any(), any(), any())).willThrow(new InvalidInputException(List.of(
                new FieldProblem("sectionCode", "is not a known section", "raise.problem.unknownSection"),
                new FieldProblem("relatedSections", "must not repeat the owning section",
                        "raise.problem.relatedRepeatsOwner"),
                new FieldProblem("personalDetails", "may only be given when personalInfo is true",
                        "raise.problem.detailsNotFlagged"))));

        mvc.perform(valid())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"sectionCode-error\">選んだ所管課は登録されていません。所管課を選び直してください。</p>"),
                        containsString("id=\"relatedSections-error\" role=\"alert\">所管課と同じ課は、関係課に選べません。</p>"),
                        containsString("id=\"personalDetails-error\">個人情報の詳細は、「個人情報を含む」にチェックを入れたときだけ入力できます。</p>"))));
        mvc.perform(valid().param("lang", "en"))
                .andExpect(content().string(allOf(
                        containsString("The chosen owning section does not exist."),
                        containsString("The owning section cannot also be a related section."),
                        containsString("Personal details can only be given when"))));
    }

    @Test
    void aRefusedIdempotencyTokenIsAnErrorOfTheWholeFormWithTheInputKeptAndAFreshToken() throws Exception {
        String tooLong = "t".repeat(201);
        given(intake.raise(any(), any(), eq(Optional.of(tooLong)))).willThrow(new InvalidInputException(List.of(
                new FieldProblem(IssueIntake.IDEMPOTENCY_KEY, "must be 1 to 200 characters", "raise.problem.idempotencyKey"))));

        String page = mvc.perform(form("窓口の混雑", tooLong))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<p>画面の送信情報が正しくないため、登録していません。", "value=\"窓口の混雑\"",
                "待ち時間が長い</textarea>", "name=\"idempotencyToken\"").doesNotContain(tooLong, "入力内容に誤りがあります");
    }

    @Test
    void aFormSentAgainWithDifferentContentSaysSoAndKeepsTheInput() throws Exception {
        given(intake.raise(any(), any(), eq(Optional.of("used-token")))).willThrow(
                new IdempotencyKeyReusedException(IssueIntake.IDEMPOTENCY_KEY, "raise.problem.idempotencyKeyReused"));
        String page = mvc.perform(form("窓口の混雑（訂正）", "used-token"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("このフォームは別の内容ですでに送信されています。", "value=\"窓口の混雑（訂正）\"")
                .doesNotContain("value=\"used-token\"");
    }

    @Test
    void whenTheHolidayDataEndsTheFormComesBackFilledInWithWhatStandsInTheWay() throws Exception {
        given(intake.raise(any(), any(), any())).willThrow(new HolidayDataNotCoveredException(
                LocalDate.of(2028, 1, 4), LocalDate.of(2022, 1, 1), LocalDate.of(2027, 12, 31)));
        mvc.perform(valid())
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(containsString("祝日データに2028年が含まれていないため")))
                .andExpect(content().string(containsString("2027-12-31まで登録済み")))
                .andExpect(content().string(containsString("value=\"窓口の混雑\"")));
    }

    private static MockHttpServletRequestBuilder valid() {
        return titled("窓口の混雑");
    }

    private static MockHttpServletRequestBuilder titled(String title) {
        return form(title, "token-1");
    }

    private static MockHttpServletRequestBuilder form(String title, String idempotencyToken) {
        return post("/issues").with(csrf())
                .param("idempotencyToken", idempotencyToken)
                .param("title", title).param("description", "待ち時間が長い")
                .param("category", "CITIZEN_SERVICE").param("severity", "MEDIUM").param("sectionCode", "shimin-ka")
                .param("relatedSections", "hoken-nenkin")
                .param("personalDetails", "ignored without the box");
    }
}
