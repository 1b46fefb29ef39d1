package jp.tsunagu.issue.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.IssueExport;
import jp.tsunagu.issue.IssuePage;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.testsupport.DemoPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The page alone; what the list and the file hold is tested on the whole application (IssueListPageTest). */
@WebMvcTest(IssueListPageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class IssueListPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssueQueries queries;

    @MockitoBean
    IssueExport export;

    @MockitoBean
    CurrentUser currentUser;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    Clock clock;

    @Test
    void aPagePastTheLastSaysSoAndLeadsToTheLastPage() throws Exception {
        given(currentUser.require()).willReturn(DemoPeople.SATO);
        given(queries.list(any(), any())).willReturn(new IssuePage(List.of(), 19));

        String page = mvc.perform(get("/issues").param("page", "99999")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<caption>全19件中、このページに表示する課題はありません</caption>",
                        "このページに表示する課題はありません（全19件）。",
                        "<a href=\"/issues\" id=\"last-page-link\">最後のページへ</a>")
                .doesNotContain("閲覧できる課題はまだありません", "rel=\"prev\"", "1,999,980");

        given(queries.list(any(), any())).willReturn(new IssuePage(List.of(), 45));
        assertThat(mvc.perform(get("/issues").param("status", "OPEN").param("page", "2147483647"))
                .andReturn().getResponse().getContentAsString())
                .contains("href=\"/issues?status=OPEN&amp;page=2\" id=\"last-page-link\"")
                .doesNotContain("rel=\"next\"", "rel=\"prev\"");
    }

    @Test
    void anUnknownStatusSaysTheConditionsAreWrongAndLeadsToTheListWithoutThem() throws Exception {
        given(currentUser.require()).willReturn(DemoPeople.SATO);

        for (String[] query : new String[][] {{"status", "FOO"}, {"page", "x"}, {"overdue", "perhaps"}}) {
            String page = mvc.perform(get("/issues").param(query[0], query[1])).andExpect(status().isBadRequest())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("指定された条件が正しくありません。",
                    "<a href=\"/issues\" id=\"retry-link\">条件を指定せずに表示する</a>").doesNotContain("エラーが発生しました");
        }
        assertThat(mvc.perform(get("/issues").param("status", "FOO").param("lang", "en"))
                .andReturn().getResponse().getContentAsString())
                .contains("The conditions in the request are not valid.", "Show the page without conditions");
    }

    @Test
    void tooManyToDownloadSendsTheReaderBackToTheListWithTheReasonAndTheFilters() throws Exception {
        given(currentUser.require()).willReturn(DemoPeople.SATO);
        willThrow(new InvalidInputException("filters", IssueExport.TOO_MANY)).given(export)
                .writeCsv(any(), any(), any(), any());

        mvc.perform(get("/issues/export.csv").param("status", "OPEN").param("mine", "true"))
                .andExpect(redirectedUrl("/issues?status=OPEN&mine=true"))
                .andExpect(flash().attribute("errorKey", "issues.export.tooMany"));
    }
}
