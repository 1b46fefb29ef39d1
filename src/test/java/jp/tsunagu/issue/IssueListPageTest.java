package jp.tsunagu.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 課題一覧: each reader finds the issues their audience allows and no others, by number, title, status and level,
 * page by page, in Japanese and in English.
 */
@AutoConfigureMockMvc
class IssueListPageTest extends AbstractIntegrationTest {

    static final String RAISE = """
            {"title": "%s", "description": "説明", "category": "CITIZEN_SERVICE", "severity": "MEDIUM",
             "sectionCode": "shimin-ka", "relatedSections": %s, "personalInfo": false}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    /** Each test's titles start with this, so that the shared database's other issues stay out of its searches. */
    String tag;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        tag = "一覧" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String raise(String title, String relatedSections) throws Exception {
        return api.as("sato").raise(RAISE.formatted(title, relatedSections));
    }

    private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theSectionFindsItsIssueByTitleAndNumberAndOtherSectionsDoNotSeeIt() throws Exception {
        String id = raise(tag + " 窓口の混雑", "[]");
        String number = com.jayway.jsonpath.JsonPath.read(api.as("sato").get("/api/issues/" + id).andReturn()
                .getResponse().getContentAsString(), "$.number");

        assertThat(page("suzuki", get("/issues").param("q", tag)))
                .contains("data-issue-id=\"" + id + "\"", number, "窓口の混雑", "受付待ち", "所管課", "市民課", "1件中 1〜1件目");
        assertThat(page("sato", get("/issues").param("q", number))).contains("data-issue-id=\"" + id + "\"");
        assertThat(page("sato", get("/issues"))).as("no filter: newest first, this one among them")
                .contains("data-issue-id=\"" + id + "\"");
        assertThat(page("yamamoto", get("/issues").param("q", tag)))
                .as("福祉総務課 is not its audience").doesNotContain(id).contains("条件に合う課題はありません。");
        assertThat(page("watanabe", get("/issues").param("q", tag))).as("auditors read everything").contains(id);
        assertThat(page("sato", get("/issues").param("q", tag).param("status", "RESOLVED"))).doesNotContain(id);
        assertThat(page("sato", get("/issues").param("q", tag).param("level", "DEPARTMENT"))).doesNotContain(id);
    }

    @Test
    void raisedByMeKeepsTheReadersOwnIssuesOnThePageAndInTheApi() throws Exception {
        String mine = raise(tag + " 佐藤が登録", "[]");
        String theirs = api.as("suzuki").raise(RAISE.formatted(tag + " 鈴木が登録", "[]"));

        assertThat(page("sato", get("/issues").param("q", tag))).contains(mine, theirs);
        String page = page("sato", get("/issues").param("q", tag).param("mine", "true"));
        assertThat(page).contains(mine).doesNotContain(theirs).containsPattern("id=\"f-mine\"[^>]*checked");
        api.as("sato").get("/api/issues?mine=true&q=" + tag)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine));
    }

    @Test
    void anIssueSharedWithTheDepartmentIsFoundByItsOtherSectionsAndCoordinator() throws Exception {
        String id = raise(tag + " 複数課にまたがる相談", "[\"hoken-nenkin\"]");

        assertThat(page("kimura", get("/issues").param("q", tag).param("level", "DEPARTMENT")))
                .contains("data-issue-id=\"" + id + "\"", "部内共有");
        assertThat(page("yamamoto", get("/issues").param("q", tag))).doesNotContain(id);
    }

    @Test
    void pagesOfTwentyLinkToEachOtherAndKeepTheFilters() throws Exception {
        for (int i = 0; i < 21; i++) {
            raise(tag + " 件名" + i, "[]");
        }
        String first = page("sato", get("/issues").param("q", tag));
        assertThat(first).contains("21件中 1〜20件目").contains("件名20").doesNotContain("件名0<")
                .contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        String next = first.replaceAll("(?s).*href=\"([^\"]+)\" id=\"next-page-link\".*", "$1").replace("&amp;", "&");
        assertThat(next).startsWith("/issues?q=").contains("page=1");

        String second = page("sato", get(java.net.URI.create(next)));
        assertThat(second).contains("21件中 21〜21件目").contains("件名0<").contains("rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void anOverdueIssueIsMarkedAndFoundByTheOverdueFilter() throws Exception {
        String id = raise(tag + " 期限切れ", "[]");
        assertThat(page("sato", get("/issues").param("q", tag).param("overdue", "true"))).doesNotContain(id);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(30))));

        assertThat(page("sato", get("/issues").param("q", tag).param("overdue", "true")))
                .contains("data-issue-id=\"" + id + "\"", "（期限超過）");
    }

    @Test
    void theListDownloadsAsCsvForASpreadsheetWithoutPersonalDetailsAndTheDownloadIsAudited() throws Exception {
        long auditedBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        raise(tag + " 窓口の混雑", "[\"hoken-nenkin\"]");
        api.as("sato").raise("""
                {"title": "=HYPERLINK(\\"http://evil.example\\") %s", "description": "説明", "category": "OTHER",
                 "severity": "LOW", "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true,
                 "personalDetails": "国分寺 花子 090-0000-0000"}""".formatted(tag));

        var response = mvc.perform(get("/issues/export.csv").param("q", tag).with(user("sato")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).matches("attachment; filename=\"issues-\\d{8}\\.csv\"");
        String csv = new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");

        assertThat(csv).startsWith("\uFEFF番号,件名,状態,共有レベル,重要度,分類,所管課,所管部,関係課,個人情報,登録日時,登録者,"
                + "受付期限,解決期限,解決日時\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).as("newest first; a formula is defused; personal details never")
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\") " + tag + "\",", ",あり,", ",sato,")
                .doesNotContain("国分寺", "090");
        assertThat(lines[2]).contains(tag + " 窓口の混雑", ",部内共有,", ",市民課,市民生活部,保険年金課,,")
                .containsPattern(",\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},sato,");
        assertThat(jdbc.sql("""
                select details from audit_event where actor = 'sato' and action = 'ISSUES_EXPORTED' and seq > ?""")
                .param(auditedBefore).query(String.class).single())
                .contains("\"q\":\"" + tag + "\"", "\"rows\":2");

        String english = mvc.perform(get("/issues/export.csv").param("q", tag).param("lang", "en").with(user("sato")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(english).startsWith("\uFEFFNumber,Title,Status,Level,Severity,Category,Owning section,")
                .contains(",Department,");
        String others = mvc.perform(get("/issues/export.csv").param("q", tag).with(user("yamamoto")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(others.split("\r\n")).as("only the heading: 福祉総務課 sees neither").hasSize(1);
        assertThat(page("sato", get("/issues").param("q", tag).param("mine", "true")))
                .contains("href=\"/issues/export.csv?q=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20") + "&amp;mine=true\"");
    }

    @Test
    void theListReadsInEnglishAndRefusesAnUnknownStatus() throws Exception {
        String id = raise(tag + " English", "[]");
        assertThat(page("sato", get("/issues").param("q", tag).param("lang", "en")))
                .contains("<h1>Issues</h1>", "Awaiting acknowledgement", "1–1 of 1 issues", id);
        mvc.perform(get("/issues").param("status", "LOST").with(user("sato"))).andExpect(status().isBadRequest());
    }
}
