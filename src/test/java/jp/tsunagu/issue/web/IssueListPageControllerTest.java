package jp.tsunagu.issue.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Clock;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.IssueExport;
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
    void tooManyToDownloadSendsTheReaderBackToTheListWithTheReasonAndTheFilters() throws Exception {
        given(currentUser.require()).willReturn(DemoPeople.SATO);
        willThrow(new InvalidInputException("filters", IssueExport.TOO_MANY)).given(export)
                .writeCsv(any(), any(), any(), any());

        mvc.perform(get("/issues/export.csv").param("status", "OPEN").param("mine", "true"))
                .andExpect(redirectedUrl("/issues?status=OPEN&mine=true"))
                .andExpect(flash().attribute("errorKey", "issues.export.tooMany"));
    }
}
