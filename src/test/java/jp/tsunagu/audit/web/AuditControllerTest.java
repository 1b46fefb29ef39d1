package jp.tsunagu.audit.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditEventPage;
import jp.tsunagu.audit.AuditExport;
import jp.tsunagu.audit.AuditQueries;
import jp.tsunagu.audit.ChainVerification;
import jp.tsunagu.audit.ChainVerifier;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.audit.TimelineSource;
import jp.tsunagu.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AuditController.class)
@WithMockUser(username = "watanabe", roles = "AUDITOR")
class AuditControllerTest {

    static final Instant AT = Instant.parse("2026-04-01T00:30:00.123Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ChainVerifier verifier;

    @MockitoBean
    AuditQueries queries;

    @MockitoBean
    IssueTimeline timeline;

    @MockitoBean
    AuditExport export;

    @Test
    void verifyAnswersTheVerdict() throws Exception {
        given(verifier.verify()).willReturn(ChainVerification.broken(41, 42L, ChainVerification.Break.MISSING, 1, 42L));

        mvc.perform(get("/api/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.checked").value(41))
                .andExpect(jsonPath("$.firstBrokenSeq").value(42))
                .andExpect(jsonPath("$.reason").value("seq 42 is missing: the event was deleted"))
                .andExpect(jsonPath("$.breakKind").value("MISSING"))
                .andExpect(jsonPath("$.reasonArgs").doesNotExist());
    }

    @Test
    void eventsPassTheFiltersAndShowDetailsAsJson() throws Exception {
        AuditEventFilter expected = new AuditEventFilter(Instant.parse("2026-03-31T15:00:00Z"),
                Instant.parse("2026-04-01T15:00:00Z"), "sato", AuditAction.COMMENT_ADDED, "i-1");
        given(queries.search(expected, 2, 10)).willReturn(new AuditEventPage(List.of(new AuditEvent(7, AT, "sato",
                "COMMENT_ADDED", "i-1", "{\"text\":\"確認します\"}", "a".repeat(64), "b".repeat(64))), 21));

        mvc.perform(get("/api/audit/events").param("from", "2026-04-01T00:00:00+09:00")
                        .param("to", "2026-04-02T00:00:00+09:00").param("actor", "sato")
                        .param("action", "COMMENT_ADDED").param("issueId", "i-1").param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(21))
                .andExpect(jsonPath("$.items[0].seq").value(7))
                .andExpect(jsonPath("$.items[0].occurredAt").value("2026-04-01T00:30:00.123Z"))
                .andExpect(jsonPath("$.items[0].details.text").value("確認します"));
    }

    @Test
    void eventsDefaultToTheFirstPageOfFifty() throws Exception {
        given(queries.search(AuditEventFilter.ALL, 0, 50)).willReturn(new AuditEventPage(List.of(), 0));

        mvc.perform(get("/api/audit/events")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badFiltersAreFieldProblems() throws Exception {
        mvc.perform(get("/api/audit/events").param("action", "NOPE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        mvc.perform(get("/api/audit/events").param("size", "501"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/audit/events").param("issueId", "x".repeat(37)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("issueId"));
        verifyNoInteractions(queries);
    }

    @Test
    void timelineListsTheMergedEntries() throws Exception {
        given(timeline.of("i-1")).willReturn(List.of(
                new TimelineEntry(AT, TimelineSource.AUDIT_TRAIL, "ISSUE_RAISED", "sato", Map.of("seq", 1)),
                new TimelineEntry(AT.plusSeconds(1), TimelineSource.ENGINE_JOB, "JOB_CREATED", null,
                        Map.of("activityId", "Timer_AcknowledgeBreach"))));

        mvc.perform(get("/api/audit/issues/i-1/timeline"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].source").value("AUDIT_TRAIL"))
                .andExpect(jsonPath("$.items[1].what").value("JOB_CREATED"))
                .andExpect(jsonPath("$.items[1].details.activityId").value("Timer_AcknowledgeBreach"));
    }

    @Test
    void timelineOfAnUnknownIssueIs404() throws Exception {
        given(timeline.of("nope")).willThrow(new NotFoundException("No such issue"));

        mvc.perform(get("/api/audit/issues/nope/timeline")).andExpect(status().isNotFound());
    }

    @Test
    void exportStreamsCsvAsAnAttachmentInTheAuditorsName() throws Exception {
        willAnswer(call -> {
            call.<OutputStream>getArgument(2).write("\uFEFFseq\r\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).given(export).writeCsv(any(), eq("watanabe"), any());

        mvc.perform(get("/api/audit/export.csv").param("action", "LOGIN_FAILED"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-events.csv\""))
                .andExpect(content().bytes("\uFEFFseq\r\n".getBytes(StandardCharsets.UTF_8)));
        verify(export).writeCsv(eq(new AuditEventFilter(null, null, null, AuditAction.LOGIN_FAILED, null)),
                eq("watanabe"), any());
    }
}
