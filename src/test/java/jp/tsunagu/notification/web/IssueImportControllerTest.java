package jp.tsunagu.notification.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(IssueImportController.class)
@WithMockUser("sato")
class IssueImportControllerTest {

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
    void passesTheFileCharsetModeAndKeyAndAnswersWithTheReport() throws Exception {
        byte[] csv = "title\n".getBytes();
        given(issueImport.importCsv(eq(csv), eq(Optional.of("Shift_JIS")), eq(true), eq(SATO), eq(Optional.of("k-1"))))
                .willReturn(new IssueImport.Report(1, 0, 1, true, false, "windows-31j", false,
                        List.of(new IssueImport.Row(1, "INVALID", null, null, List.of(new FieldProblem("title", "is required"))))));
        mvc.perform(post("/api/issues/import?charset=Shift_JIS&allOrNothing=true").with(csrf())
                        .header("Idempotency-Key", "k-1").contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.results[0].errors[0].field").value("title"));
    }

    @Test
    void anUnreadableFileIsAProblem() throws Exception {
        given(issueImport.importCsv(any(), any(), eq(false), any(), any()))
                .willThrow(new InvalidInputException("header", "column 'title' is required"));
        mvc.perform(post("/api/issues/import").with(csrf()).contentType("text/csv").content("x\n1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("header"));
    }

    @Test
    void jsonIsNotACsvFile() throws Exception {
        mvc.perform(post("/api/issues/import").with(csrf()).contentType("application/json").content("{}"))
                .andExpect(status().isUnsupportedMediaType());
    }
}
