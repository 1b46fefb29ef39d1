package jp.tsunagu.audit.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.ChainVerification;
import jp.tsunagu.audit.ChainVerifier;
import jp.tsunagu.audit.IssueTimeline;
import jp.tsunagu.audit.TimelineEntry;
import jp.tsunagu.audit.TimelineSource;
import jp.tsunagu.common.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AuditToolsPageController.class)
@WithMockUser(username = "watanabe", roles = "AUDITOR")
class AuditToolsPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssueTimeline timeline;

    @MockitoBean
    ChainVerifier verifier;

    @Test
    void marksEachTimelineLineWithItsSource() throws Exception {
        Instant at = Instant.parse("2026-11-24T01:30:00Z");
        given(timeline.of("i-1")).willReturn(List.of(
                new TimelineEntry(at, TimelineSource.AUDIT_TRAIL, "ISSUE_RAISED", "sato", Map.of("level", "SECTION")),
                new TimelineEntry(at, TimelineSource.ENGINE_ACTIVITY, "ACTIVITY_STARTED", null,
                        Map.of("activityId", "Task_Acknowledge")),
                new TimelineEntry(at, TimelineSource.ENGINE_JOB, "JOB_CREATED", "system", Map.of())));

        mvc.perform(get("/audit/timeline").param("issueId", "i-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("data-source=\"AUDIT_TRAIL\""), containsString("監査証跡"),
                        containsString("課題を登録"), containsString("level=SECTION"),
                        containsString("エンジン履歴（工程）"), containsString("工程の開始"),
                        containsString("activityId=Task_Acknowledge"),
                        containsString("エンジン履歴（タイマー）"), containsString("タイマーの設定"),
                        containsString("課題 i-1 の記録（3件"))));
    }

    @Test
    void withoutAnIssueOnlyTheFormIsShown() throws Exception {
        mvc.perform(get("/audit/timeline"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"t-issue\""),
                        not(containsString("id=\"audit-timeline\"")))));
    }

    @Test
    void anUnknownIssueIsNotFound() throws Exception {
        given(timeline.of("nope")).willThrow(new NotFoundException("issue nope"));

        mvc.perform(get("/audit/timeline").param("issueId", "nope")).andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("id=\"t-issue\""), containsString("value=\"nope\""),
                        containsString("該当する課題が見つかりません。"), containsString("aria-invalid=\"true\""),
                        not(containsString("id=\"audit-timeline\"")))));
    }

    @Test
    void findsAnIssueByItsNumberAndHeadsTheTimelineWithNumberAndTitle() throws Exception {
        given(timeline.issueIdOf("2026-000002")).willReturn(java.util.Optional.of("0d7c6a1e-aaaa"));
        given(timeline.of("0d7c6a1e-aaaa")).willReturn(List.of(
                new TimelineEntry(Instant.parse("2026-11-24T19:50:07Z"), TimelineSource.AUDIT_TRAIL, "ISSUE_RAISED",
                        "sato", Map.of("number", "2026-000002", "title", "窓口の待ち時間が長い")),
                new TimelineEntry(Instant.parse("2026-11-24T19:50:41Z"), TimelineSource.AUDIT_TRAIL, "COMMENT_ADDED",
                        "sato", Map.of())));

        mvc.perform(get("/audit/timeline").param("issueId", " 2026-000002 "))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("課題 2026-000002「窓口の待ち時間が長い」（課題ID: 0d7c6a1e-aaaa）"),
                        containsString("課題 2026-000002 の記録（2件"),
                        containsString("04:50:07"), containsString("04:50:41"))));
    }

    @Test
    void onTheEnglishPageTheTypedTitleInTheHeadingIsJapaneseAndEscaped() throws Exception {
        given(timeline.issueIdOf("2026-000002")).willReturn(java.util.Optional.of("0d7c6a1e-aaaa"));
        given(timeline.of("0d7c6a1e-aaaa")).willReturn(List.of(
                new TimelineEntry(Instant.parse("2026-11-24T19:50:07Z"), TimelineSource.AUDIT_TRAIL, "ISSUE_RAISED",
                        "sato", Map.of("number", "2026-000002", "title", "窓口<b>混雑</b>"))));

        mvc.perform(get("/audit/timeline").param("issueId", "2026-000002").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Issue 2026-000002 \"<span lang=\"ja\">窓口&lt;b&gt;混雑&lt;/b&gt;</span>\""
                                + " (id 0d7c6a1e-aaaa)"),
                        not(containsString("<b>混雑")))));
    }

    @Test
    void verificationRunsOnlyOnRequest() throws Exception {
        mvc.perform(get("/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"verify-run\""),
                        not(containsString("id=\"verify-result\"")))));
        verify(verifier, never()).verify();
    }

    @Test
    void showsAnIntactChain() throws Exception {
        given(verifier.verify()).willReturn(ChainVerification.intact(42, 3));

        mvc.perform(post("/audit/verify").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-valid=\"true\""),
                        containsString("改ざんは見つかりませんでした。"), containsString("<dd id=\"verify-checked\">42</dd>"))));
    }

    @Test
    void showsWhereTheChainBreaks() throws Exception {
        given(verifier.verify()).willReturn(ChainVerification.broken(11, 12L, ChainVerification.Break.HASH_MISMATCH, 1,
                12L));

        mvc.perform(post("/audit/verify").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-valid=\"false\""), containsString("role=\"alert\""),
                        containsString("<dd>12</dd>"),
                        containsString("<dd id=\"verify-reason\">番号 12 のハッシュが内容と一致しません。イベントが書き換えられています。</dd>"))));
    }

    @Test
    void tellsAnEnglishReaderWhereTheChainBreaksInEnglish() throws Exception {
        given(verifier.verify()).willReturn(ChainVerification.broken(1233, 1234L, ChainVerification.Break.NOT_LINKED, 0,
                1234L, 1233L));

        mvc.perform(post("/audit/verify").param("lang", "en").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd id=\"verify-reason\">Event 1234 does not link to event"
                        + " 1233: an event was inserted, moved or rewritten here.</dd>")));
    }
}
