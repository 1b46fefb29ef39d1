package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.notification.IssueImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** CSV bulk import through the API, as an AI-OCR tool would send it. */
class IssueCsvImportTest extends AbstractNotificationIntegrationTest {

    @Autowired
    ObjectMapper json;

    static final String HEADER = "title,description,category,severity,sectionCode,relatedSections,personalInfo\n";
    static final String GOOD = "窓口の混雑,午前中に混雑,CITIZEN_SERVICE,LOW,shimin-ka,,false\n";
    static final String BAD_ROWS = HEADER + GOOD
            + "課の取り違え,説明,FACILITY,LOW,no-such-ka,,false\n"
            + ",題名なし,FACILITY,LOW,shimin-ka,,false\n"
            + "重要度の誤り,説明,FACILITY,URGENT,shimin-ka,,false\n";

    @Test
    void badRowsAreReportedOneByOneAndGoodRowsImported() throws Exception {
        long before = issues();
        importCsv(BAD_ROWS.getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.failed").value(3))
                .andExpect(jsonPath("$.charset").value("UTF-8"))
                .andExpect(jsonPath("$.results[0].status").value("CREATED"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("sectionCode"))
                .andExpect(jsonPath("$.results[1].errors[0].message").value("is not a known section"))
                .andExpect(jsonPath("$.results[2].errors[0].field").value("title"))
                .andExpect(jsonPath("$.results[3].row").value(4))
                .andExpect(jsonPath("$.results[3].errors[0].field").value("severity"))
                .andExpect(jsonPath("$.results[3].errors[0].message").value(org.hamcrest.Matchers.containsString("URGENT")));
        assertThat(issues()).isEqualTo(before + 1);
    }

    /** A report that names each new issue by its number, as people and the issue list know it, not by its id only. */
    @Test
    void eachImportedRowNamesItsIssuesNumber() throws Exception {
        String report = importCsv((HEADER + GOOD).getBytes(StandardCharsets.UTF_8), "")
                .andExpect(jsonPath("$.results[0].issueNumber").isString()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(report, "$.results[0].issueId");
        api.as("sato").get("/api/issues/" + id)
                .andExpect(jsonPath("$.number").value((String) JsonPath.read(report, "$.results[0].issueNumber")));
    }

    /** A retry answers with the report kept at the first import, which may predate the number: it still reads. */
    @Test
    void aReportKeptBeforeRowsCarriedTheNumberStillReads() throws Exception {
        IssueImport.Report kept = json.readValue("""
                {"rows": 1, "imported": 1, "failed": 0, "allOrNothing": false, "committed": true, "charset": "UTF-8",
                 "replayed": false, "results": [{"row": 1, "status": "CREATED", "issueId": "i-1", "errors": []}]}""",
                IssueImport.Report.class);
        assertThat(kept.results().get(0).issueId()).isEqualTo("i-1");
        assertThat(kept.results().get(0).issueNumber()).isNull();
    }

    @Test
    void allOrNothingImportsNothingWhenARowIsBad() throws Exception {
        long before = issues();
        importCsv(BAD_ROWS.getBytes(StandardCharsets.UTF_8), "?allOrNothing=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.results[0].status").value("VALID"))
                .andExpect(jsonPath("$.results[0].issueId").doesNotExist())
                .andExpect(jsonPath("$.results[0].issueNumber").doesNotExist());
        assertThat(issues()).isEqualTo(before);
    }

    @Test
    void allOrNothingRollsBackRowsWhenTheIntakeRefusesALaterRow() throws Exception {
        long before = issues();
        byte[] csv = (HEADER + GOOD + "他課の課題,説明,FACILITY,LOW,fukushi-somu,,false\n").getBytes(StandardCharsets.UTF_8);
        importCsv(csv, "?allOrNothing=true")
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.results[0].status").value("VALID"))
                .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("sectionCode"));
        assertThat(issues()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from notification_inbox").query(Long.class).single())
                .as("notifications of rolled-back rows are rolled back too").isZero();
    }

    @Test
    void aRowWhoseTargetFallsBeyondTheHolidayDataIsReportedAndTheOthersImported() throws Exception {
        // The shipped holiday data ends on 2027-12-31: a MEDIUM row's P5D stays inside it, a LOW row's P10D does not.
        setClock(java.time.OffsetDateTime.parse("2027-12-20T10:00:00+09:00").toInstant());
        long before = issues();
        byte[] csv = (HEADER + GOOD.replace("LOW", "MEDIUM") + GOOD).getBytes(StandardCharsets.UTF_8);
        importCsv(csv, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.results[0].status").value("CREATED"))
                .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("severity"))
                .andExpect(jsonPath("$.results[1].errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("2028"),
                        org.hamcrest.Matchers.containsString("syukujitsu.csv"))));
        assertThat(issues()).isEqualTo(before + 1);
    }

    @Test
    void shiftJisIsDetectedOrDeclared() throws Exception {
        byte[] csv = (HEADER + "ＯＣＲ読取り①の課題,㈱からの申出,OTHER,LOW,shimin-ka,,いいえ\n")
                .getBytes(Charset.forName("windows-31j"));
        String report = importCsv(csv, "").andExpect(jsonPath("$.charset").value("windows-31j"))
                .andExpect(jsonPath("$.imported").value(1)).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(report, "$.results[0].issueId");
        api.as("sato").get("/api/issues/" + id).andExpect(jsonPath("$.title").value("ＯＣＲ読取り①の課題"));

        importCsv(csv, "?charset=Shift_JIS").andExpect(jsonPath("$.imported").value(1));
        importCsv(csv, "?charset=UTF-8").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("charset"));
    }

    @Test
    void aRetriedImportWithTheSameKeyImportsNothingAgain() throws Exception {
        long before = issues();
        byte[] csv = (HEADER + GOOD + GOOD.replace("混雑", "案内")).getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequestBuilder request = request(csv, "").header("Idempotency-Key", "ocr-batch-42");
        String first = mvc.perform(request).andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.replayed").value(false)).andReturn().getResponse().getContentAsString();
        mvc.perform(request(csv, "").header("Idempotency-Key", "ocr-batch-42"))
                .andExpect(jsonPath("$.replayed").value(true))
                .andExpect(jsonPath("$.results[0].issueId").value((String) JsonPath.read(first, "$.results[0].issueId")));
        assertThat(issues()).isEqualTo(before + 2);
    }

    /**
     * Another file under a key already used was answered with the first file's report (replayed) and its rows were
     * silently dropped; like {@code POST /api/issues}, it is refused with 422 and imports nothing. The same file
     * in another charset is the same request; another mode (all-or-nothing) is not.
     */
    @Test
    void anotherFileUnderAKeyAlreadyUsedIsRefusedAndImportsNothing() throws Exception {
        byte[] csv = (HEADER + GOOD).getBytes(StandardCharsets.UTF_8);
        mvc.perform(request(csv, "").header("Idempotency-Key", "ocr-batch-43"))
                .andExpect(jsonPath("$.imported").value(1));
        long before = issues();

        mvc.perform(request((HEADER + GOOD.replace("混雑", "案内")).getBytes(StandardCharsets.UTF_8), "")
                        .header("Idempotency-Key", "ocr-batch-43"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        mvc.perform(request(csv, "?allOrNothing=true").header("Idempotency-Key", "ocr-batch-43"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(request((HEADER + GOOD).getBytes(Charset.forName("Windows-31J")), "?charset=Shift_JIS")
                        .header("Idempotency-Key", "ocr-batch-43"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(true));
        assertThat(issues()).isEqualTo(before);
    }

    @Test
    void allOrNothingChecksEveryReadableRowThroughTheWholeIntake() throws Exception {
        long before = issues();
        // Row 1 cannot be read (no such category); row 2 reads well but is for a section sato may not raise for.
        byte[] csv = (HEADER + "読めない行,説明,NO_SUCH,LOW,shimin-ka,,false\n"
                + "他課の課題,説明,FACILITY,LOW,hoken-nenkin,,false\n" + GOOD).getBytes(StandardCharsets.UTF_8);
        importCsv(csv, "?allOrNothing=true")
                .andExpect(jsonPath("$.committed").value(false))
                .andExpect(jsonPath("$.results[0].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("sectionCode"))
                .andExpect(jsonPath("$.results[2].status").value("VALID"));
        assertThat(issues()).isEqualTo(before);
    }

    @Test
    void aQuoteNeverClosedOrAColumnNamedTwiceIsAFileThatCannotBeRead() throws Exception {
        importCsv("title,category,severity,sectionCode\n\"unterminated,OTHER,LOW,shimin-ka\n"
                        .getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        long before = issues();
        importCsv("title,title,category,severity,sectionCode\nx,y,OTHER,LOW,shimin-ka\n".getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(issues()).isEqualTo(before);
    }

    @Test
    void aFileWithUnknownColumnsIsRefusedAsAWhole() throws Exception {
        importCsv("title,colour\nx,red\n".getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("header"))));
    }

    @Test
    void aFileWithOnlyTheHeaderOrNothingAtAllIsRefusedAsSuch() throws Exception {
        importCsv(HEADER.getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("has no rows below the header"));
        importCsv("\uFEFF\r\n".getBytes(StandardCharsets.UTF_8), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is empty"));
        importCsv(new byte[0], "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is empty"));
    }

    @Test
    void aRowForASectionTheImporterMayNotRaiseForNamesTheSection() throws Exception {
        importCsv((HEADER + "他課の課題,説明,FACILITY,LOW,hoken-nenkin,,false\n").getBytes(StandardCharsets.UTF_8), "")
                .andExpect(jsonPath("$.results[0].status").value("INVALID"))
                .andExpect(jsonPath("$.results[0].errors[0].field").value("sectionCode"))
                .andExpect(jsonPath("$.results[0].errors[0].message")
                        .value("you may not raise issues for section 'hoken-nenkin'"));
    }

    private ResultActions importCsv(byte[] csv, String query) throws Exception {
        return mvc.perform(request(csv, query));
    }

    private static MockHttpServletRequestBuilder request(byte[] csv, String query) {
        return post("/api/issues/import" + query).with(httpBasic("sato", "demo")).contentType("text/csv").content(csv);
    }

    private long issues() {
        return jdbc.sql("select count(*) from issue").query(Long.class).single();
    }
}
