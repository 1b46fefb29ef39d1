package jp.tsunagu.notification.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.notification.IssueImport;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The page's own binding and wording; rows raised for real, and a form sent twice, are in {@code IssueImportPageTest}. */
@WebMvcTest(IssueImportPageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class IssueImportPageControllerTest {

    static final byte[] CSV = "title,category,severity,sectionCode\r\n窓口,OTHER,LOW,nowhere\r\n".getBytes(StandardCharsets.UTF_8);
    static final InvalidInputException UNREADABLE = new InvalidInputException(List.of(
            new FieldProblem("header", "unknown column 'colour'"),
            new FieldProblem("header", "column 'category' is required")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssueImport issueImport;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsSato() {
        given(currentUser.require()).willReturn(SATO);
    }

    @Test
    void eachFormCarriesAFreshKey() throws Exception {
        String first = formKey();
        String second = formKey();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void passesTheFileItsCharsetTheModeAndTheFormsKeyAndShowsTheReportRowByRow() throws Exception {
        given(issueImport.importCsv(eq(CSV), eq(Optional.of("Shift_JIS")), eq(true), eq(SATO), eq(Optional.of("page:k-1"))))
                .willReturn(new IssueImport.Report(1, 0, 1, true, false, "windows-31j", false, List.of(
                        new IssueImport.Row(1, "INVALID", null, null,
                                List.of(new FieldProblem("sectionCode", "'nowhere' is not a known section"))))));

        mvc.perform(upload(CSV).param("charset", "Shift_JIS").param("allOrNothing", "true").param("formKey", "k-1"))
                .andExpect(status().isOk())
                .andExpect(view().name("issue-import"))
                .andExpect(model().attribute("charset", "Shift_JIS"))
                .andExpect(model().attribute("allOrNothing", true))
                .andExpect(content().string(allOf(
                        containsString("1行のうち 1行に誤りがあるため、何も登録していません。"),
                        containsString("文字コード: Shift_JIS"), containsString("data-status=\"INVALID\""),
                        containsString("所管課: 課コード「nowhere」は登録されていません。"))));
    }

    /**
     * The report numbers a row as the file does when opened in a spreadsheet, the heading being row 1 (as the column
     * notes say: issues from row 2), so that the row it names is the one to correct.
     */
    @Test
    void numbersTheRowsAsTheSpreadsheetDoesWithTheHeadingAsRowOne() throws Exception {
        given(issueImport.importCsv(any(), any(), anyBoolean(), any(), any()))
                .willReturn(new IssueImport.Report(2, 1, 1, false, true, "UTF-8", false, List.of(
                        new IssueImport.Row(1, "CREATED", "i-1", "2026-000001", List.of()),
                        new IssueImport.Row(2, "INVALID", null, null, List.of(new FieldProblem("title", "is required"))))));

        mvc.perform(upload(CSV))
                .andExpect(content().string(allOf(containsString("2行目から1行が1件の課題です。"),
                        containsString("<th scope=\"row\">2</th>"), containsString("<th scope=\"row\">3</th>"),
                        not(containsString("<th scope=\"row\">1</th>")))));
    }

    /** A list of links that all read 開く tells a screen reader nothing (WCAG 2.4.4): each names its issue. */
    @Test
    void eachIssueLinkSaysWhichIssueItOpens() throws Exception {
        given(issueImport.importCsv(any(), any(), anyBoolean(), any(), any()))
                .willReturn(new IssueImport.Report(3, 2, 0, false, true, "UTF-8", true, List.of(
                        new IssueImport.Row(1, "CREATED", "i-1", "2026-000123", List.of()),
                        new IssueImport.Row(2, "EXISTING", "i-2", "2026-000124", List.of()),
                        // A report kept from before the rows carried their issue's number.
                        new IssueImport.Row(3, "CREATED", "i-3", null, List.of()))));

        mvc.perform(upload(CSV))
                .andExpect(content().string(allOf(containsString("<a href=\"/issues/i-1\">2026-000123</a>"),
                        containsString("<a href=\"/issues/i-2\">2026-000124</a>"),
                        containsString("<a href=\"/issues/i-3\">4行目の課題を開く</a>"), not(containsString(">開く</a>")))));
        mvc.perform(upload(CSV).param("lang", "en"))
                .andExpect(content().string(containsString("<a href=\"/issues/i-3\">Open the issue of row 4</a>")));
    }

    @Test
    void withoutAKeyOrACharsetTheImportDetectsAndIsNotDeduplicated() throws Exception {
        given(issueImport.importCsv(any(), any(), anyBoolean(), any(), any()))
                .willReturn(new IssueImport.Report(0, 0, 0, false, true, "UTF-8", false, List.of()));

        mvc.perform(upload(CSV).param("formKey", " ")).andExpect(status().isOk());
        verify(issueImport).importCsv(CSV, Optional.of(""), false, SATO, Optional.empty());
    }

    @Test
    void noFileOrAnEmptyOneIsRefusedAndNothingIsImported() throws Exception {
        mvc.perform(multipart("/issues/import").with(csrf()).param("charset", "UTF-8"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attribute("charset", "UTF-8"))
                .andExpect(content().string(containsString("CSVファイルを選んでください。")));
        verify(issueImport, never()).importCsv(any(), any(), anyBoolean(), any(), any());
    }

    /** A chosen file that is empty is the import's to judge: it says the file is empty, not that none was chosen. */
    @Test
    void aChosenEmptyFileIsReportedAsEmpty() throws Exception {
        given(issueImport.importCsv(any(), any(), anyBoolean(), any(), any())).willThrow(new InvalidInputException(
                List.of(new FieldProblem("file", "is empty", "import.error.empty"))));
        mvc.perform(upload(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("選んだファイルは中身が空のため、何も登録していません。"),
                        not(containsString("CSVファイルを選んでください。")))));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingRead() throws Exception {
        mvc.perform(upload(new byte[IssueImportController.MAX_BYTES + 1]))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ファイルが大きすぎます。分けて登録してください。")));
        verify(issueImport, never()).importCsv(any(), any(), anyBoolean(), any(), any());
    }

    @Test
    void anUnreadableFileSaysEveryReasonInJapanese() throws Exception {
        given(issueImport.importCsv(any(), any(), anyBoolean(), any(), any())).willThrow(UNREADABLE);

        mvc.perform(upload(CSV).param("allOrNothing", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attribute("allOrNothing", true))
                .andExpect(content().string(allOf(containsString("ファイルを読めないため、何も登録していません。"),
                        containsString("列「colour」は使えません。"), containsString("必須の列「category」がありません。"))));
    }

    @Test
    void anUnreadableFileSaysEveryReasonInEnglish() throws Exception {
        given(issueImport.importCsv(any(), any(), anyBoolean(), any(), any())).willThrow(UNREADABLE);

        mvc.perform(upload(CSV).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("The file cannot be read, so nothing was imported."),
                        containsString("There is no column &quot;colour&quot;."),
                        containsString("The required column &quot;category&quot; is missing."))));
    }

    @Test
    void theUploadNeedsTheCsrfToken() throws Exception {
        mvc.perform(multipart("/issues/import").file(new MockMultipartFile("file", "ocr.csv", "text/csv", CSV)))
                .andExpect(status().isForbidden());
        verify(issueImport, never()).importCsv(any(), any(), anyBoolean(), any(), any());
    }

    @Test
    @WithAnonymousUser
    void nobodySignedInIsSentToTheLogin() throws Exception {
        mvc.perform(get("/issues/import").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("http://localhost/login"));
    }

    private String formKey() throws Exception {
        return (String) mvc.perform(get("/issues/import"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"formKey\"")))
                .andReturn().getModelAndView().getModel().get("formKey");
    }

    private static MockMultipartHttpServletRequestBuilder upload(byte[] csv) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/issues/import")
                .file(new MockMultipartFile("file", "ocr.csv", "text/csv", csv)).with(csrf());
    }
}
