package jp.tsunagu.audit.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.intThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditEventPage;
import jp.tsunagu.audit.AuditExport;
import jp.tsunagu.audit.AuditQueries;
import jp.tsunagu.audit.IssueTimeline;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AuditPageController.class)
@WithMockUser(username = "watanabe", roles = "AUDITOR")
class AuditPageControllerTest {

    static final AuditEvent ACKNOWLEDGED = new AuditEvent(7, Instant.parse("2026-11-24T01:30:00Z"), "sato",
            "ISSUE_ACKNOWLEDGED", "0d7c6a1e-1111-2222-3333-444455556666", "{\"level\":\"SECTION\"}", "a", "b");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditQueries queries;

    @MockitoBean
    AuditExport export;

    @MockitoBean
    IssueTimeline timeline;

    @Test
    void searchesWholeTokyoDaysAndPages() throws Exception {
        AuditEventFilter filter = new AuditEventFilter(Instant.parse("2026-11-23T15:00:00Z"),
                Instant.parse("2026-11-24T15:00:00Z"), "sato", AuditAction.ISSUE_ACKNOWLEDGED, null);
        given(queries.search(filter, 1, AuditPageController.PAGE_SIZE))
                .willReturn(new AuditEventPage(List.of(ACKNOWLEDGED), 120));
        // The page links keep the whole search.
        String search = "/audit?from=2026-11-24&amp;to=2026-11-24&amp;actor=sato&amp;action=ISSUE_ACKNOWLEDGED";

        mvc.perform(get("/audit").param("from", "2026-11-24").param("to", "2026-11-24").param("actor", "sato")
                        .param("action", "ISSUE_ACKNOWLEDGED").param("page", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("監査イベント 120件中 51～51件目"), containsString("2026年11月24日(火) 10:30"),
                        containsString("<td>受付</td>"),
                        containsString("href=\"/audit/timeline?issueId=0d7c6a1e-1111-2222-3333-444455556666\""),
                        containsString("href=\"" + search + "&amp;page=0\" id=\"previous-page-link\" rel=\"prev\">前の50件</a>"),
                        containsString("href=\"" + search + "&amp;page=2\" id=\"next-page-link\" rel=\"next\">次の50件</a>"),
                        containsString("href=\"/audit/export.csv?from=2026-11-24&amp;to=2026-11-24&amp;actor=sato&amp;action=ISSUE_ACKNOWLEDGED\""))));
    }

    /** Auditors know an issue by the number everyone sees; searching by it must not silently find nothing. */
    @Test
    void findsAnIssuesEventsByItsNumberAndKeepsTheNumberInTheFormAndLinks() throws Exception {
        String id = "0d7c6a1e-1111-2222-3333-444455556666";
        given(timeline.issueIdOf("2026-000002")).willReturn(Optional.of(id));
        given(queries.search(new AuditEventFilter(null, null, null, null, id), 0, AuditPageController.PAGE_SIZE))
                .willReturn(new AuditEventPage(List.of(ACKNOWLEDGED), 1));

        mvc.perform(get("/audit").param("issueId", "2026-000002"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("監査イベント 1件中 1～1件目"),
                        containsString("課題番号または課題ID"), containsString("value=\"2026-000002\""),
                        containsString("href=\"/audit/export.csv?issueId=2026-000002\""))));

        mvc.perform(get("/audit/export.csv").param("issueId", "2026-000002")).andExpect(status().isOk());
        verify(export).writeCsv(eq(new AuditEventFilter(null, null, null, null, id)), eq("watanabe"), any());
    }

    /**
     * The issue column showed the first 8 characters of the internal id, and a screen reader read all 36 of them. It
     * names the issue by its number now, looked up for the whole page at once; an id of no issue is shortened.
     */
    @Test
    void namesEachEventsIssueByItsNumberWithOneLookupForThePage() throws Exception {
        String id = ACKNOWLEDGED.issueId();
        String unknown = "9f00aa11-2222-3333-4444-555566667777";
        AuditEvent commented = new AuditEvent(8, Instant.parse("2026-11-24T01:31:00Z"), "sato", "COMMENT_ADDED", id,
                "{}", "b", "c");
        AuditEvent refused = new AuditEvent(9, Instant.parse("2026-11-24T01:32:00Z"), "yamamoto", "ACCESS_DENIED",
                unknown, "{}", "c", "d");
        AuditEvent signedIn = new AuditEvent(10, Instant.parse("2026-11-24T01:33:00Z"), "sato", "LOGIN_SUCCEEDED",
                null, "{}", "d", "e");
        given(queries.search(any(), eq(0), anyInt()))
                .willReturn(new AuditEventPage(List.of(ACKNOWLEDGED, commented, refused, signedIn), 4));
        given(timeline.numbersOf(Set.of(id, unknown))).willReturn(Map.of(id, "2026-000003"));

        mvc.perform(get("/audit"))
                .andExpect(content().string(allOf(
                        containsString("aria-label=\"課題 2026-000003 のタイムラインを開く\">2026-000003</a>"),
                        containsString("href=\"/audit/timeline?issueId=" + id + "\""),
                        containsString("aria-label=\"課題 9f00aa11… のタイムラインを開く\">9f00aa11…</a>"),
                        not(containsString("を開く\">0d7c6a1e</a>")), not(containsString("課題 " + id)))));
        mvc.perform(get("/audit").param("lang", "en"))
                .andExpect(content().string(
                        containsString("aria-label=\"Open the timeline of issue 2026-000003\">2026-000003</a>")));
        verify(timeline, times(2)).numbersOf(any());
    }

    @Test
    void anEndBeforeTheStartIsShownAtItsFieldAndNotSearched() throws Exception {
        mvc.perform(get("/audit").param("from", "2026-11-24").param("to", "2026-11-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("終了日は開始日以降の日付にしてください。"),
                        containsString("aria-invalid=\"true\""), not(containsString("id=\"audit-table\"")))));
        verify(queries, never()).search(any(), anyInt(), anyInt());
    }

    @Test
    void showsTimesToTheSecondAndAPagePastTheEndSaysSo() throws Exception {
        AuditEvent later = new AuditEvent(8, Instant.parse("2026-11-24T01:30:41Z"), "sato", "COMMENT_ADDED", null,
                "{}", "b", "c");
        given(queries.search(any(), eq(0), anyInt())).willReturn(new AuditEventPage(List.of(ACKNOWLEDGED, later), 2));
        mvc.perform(get("/audit"))
                .andExpect(content().string(allOf(containsString("10:30:00"), containsString("10:30:41"))));

        given(queries.search(any(), intThat(page -> page > 1), anyInt())).willReturn(new AuditEventPage(List.of(), 100));
        mvc.perform(get("/audit").param("page", "99999999"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("監査イベント 100件（このページには表示するイベントがありません）"),
                        not(containsString("4,999,999,950")), not(containsString("4999999950")),
                        containsString("このページは最後のページより後ろです。「最後のページへ」から最後のページに戻れます。"),
                        containsString("<a href=\"/audit?page=1\" id=\"last-page-link\">最後のページへ</a>"),
                        not(containsString("rel=\"prev\"")), not(containsString("rel=\"next\"")))));
    }

    /** The last page's link keeps the search, and the page says in English too where it leads. */
    @Test
    void aPagePastTheEndOfASearchLeadsToItsLastPageInBothLanguages() throws Exception {
        given(queries.search(any(), eq(4), anyInt())).willReturn(new AuditEventPage(List.of(), 51));

        mvc.perform(get("/audit").param("actor", "sato").param("page", "4").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Audit events: 51 (none on this page)"),
                        containsString("This page is past the last page. &quot;Go to the last page&quot; takes you back to it."),
                        containsString("<nav class=\"pager\" aria-label=\"Pages of audit events\">"),
                        containsString("<a href=\"/audit?actor=sato&amp;page=1\" id=\"last-page-link\">Go to the last page</a>"),
                        not(containsString("rel=\"prev\"")))));
    }

    /** Nothing found is nothing found on any page: no "0 to 0 of 0", no link to a page that has nothing either. */
    @Test
    void aSearchThatFindsNothingSaysSoOnAnyPageAndLinksNowhere() throws Exception {
        given(queries.search(any(), anyInt(), anyInt())).willReturn(new AuditEventPage(List.of(), 0));

        for (String page : new String[] {"0", "3"}) {
            mvc.perform(get("/audit").param("actor", "nobody").param("page", page))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("<caption>監査イベント（該当0件）</caption>"),
                            containsString("条件に合うイベントはありません。"), not(containsString("0～0件目")),
                            not(containsString("最後のページより後ろ")), not(containsString("class=\"pager\"")))));
        }
    }

    @Test
    void anExportWithAnEndBeforeTheStartGoesBackToTheSearchThatSaysSo() throws Exception {
        mvc.perform(get("/audit/export.csv").param("from", "2026-11-25").param("to", "2026-11-24"))
                .andExpect(redirectedUrl("/audit?from=2026-11-25&to=2026-11-24"));
        verify(export, never()).writeCsv(any(), any(), any());
    }

    @Test
    void exportsTheSameSearchAsCsv() throws Exception {
        willAnswer(call -> {
            call.<OutputStream>getArgument(2).write("seq,occurred_at\r\n".getBytes(StandardCharsets.UTF_8));
            return null;
        }).given(export).writeCsv(eq(new AuditEventFilter(null, null, "sato", null, null)), eq("watanabe"), any());

        mvc.perform(get("/audit/export.csv").param("actor", "sato"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("audit-events.csv")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string("seq,occurred_at\r\n"));
    }
}
