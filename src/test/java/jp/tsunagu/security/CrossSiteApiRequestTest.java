package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A browser that once answered the API's Basic challenge sends those credentials with every request to it, also with
 * a form that another site posts there (enctype text/plain passes for the CSV import, and acknowledging reads no
 * body). Such changes are refused and audited; programs, this site's own pages and reads are not affected.
 */
@AutoConfigureMockMvc
class CrossSiteApiRequestTest extends AbstractIntegrationTest {

    static final String CSV = "title,category,severity,sectionCode\r\n%s,OTHER,LOW,shimin-ka\r\n";

    static final String RAISE = """
            {"title": "クロスサイト確認", "description": "d", "category": "OTHER", "severity": "LOW",
             "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFormThatAnotherSitePostsWithTheBrowsersBasicCredentialsRaisesNothingAndIsAudited() throws Exception {
        String title = "CSRF-" + System.nanoTime();
        long refusals = csrfRefusals("sato");

        mvc.perform(importCsv(title).header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("another site")));

        assertThat(issuesTitled(title)).isZero();
        assertThat(csrfRefusals("sato")).isEqualTo(refusals + 1);
    }

    @Test
    void anOlderBrowserIsJudgedByItsOriginAndASiblingSiteIsAnotherSite() throws Exception {
        String issue = new Api(mvc).as("sato").raise(RAISE);

        mvc.perform(acknowledge(issue).header("Origin", "https://evil.example").header("Host", "tsunagu.city.example"))
                .andExpect(status().isForbidden());
        mvc.perform(acknowledge(issue).header("Origin", "null").header("Host", "tsunagu.city.example"))
                .andExpect(status().isForbidden());
        mvc.perform(acknowledge(issue).header("Sec-Fetch-Site", "same-site"))
                .andExpect(status().isForbidden());
        assertThat(statusOf(issue)).as("nothing acknowledged").isEqualTo("OPEN");

        // The site's own origin (TLS ended at a proxy: only the authority counts).
        mvc.perform(acknowledge(issue).header("Origin", "https://tsunagu.city.example")
                        .header("Host", "tsunagu.city.example"))
                .andExpect(status().isNoContent());
        assertThat(statusOf(issue)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void programsTheSitesOwnPagesAndReadsAreNotAffected() throws Exception {
        String fromProgram = "PROGRAM-" + System.nanoTime();
        String fromSwaggerUi = "SAMEORIGIN-" + System.nanoTime();

        mvc.perform(importCsv(fromProgram)).andExpect(status().isOk());
        mvc.perform(importCsv(fromSwaggerUi).header("Sec-Fetch-Site", "same-origin")).andExpect(status().isOk());
        mvc.perform(get("/api/tasks").with(httpBasic("sato", "demo")).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isOk());

        assertThat(issuesTitled(fromProgram)).isEqualTo(1);
        assertThat(issuesTitled(fromSwaggerUi)).isEqualTo(1);
    }

    private static MockHttpServletRequestBuilder importCsv(String title) {
        return post("/api/issues/import").with(httpBasic("sato", "demo"))
                .contentType(MediaType.TEXT_PLAIN).content(CSV.formatted(title));
    }

    private static MockHttpServletRequestBuilder acknowledge(String issue) {
        return post("/api/issues/" + issue + "/acknowledge").with(httpBasic("sato", "demo"))
                .contentType(MediaType.TEXT_PLAIN);
    }

    private long issuesTitled(String title) {
        return jdbc.sql("select count(*) from issue where title = ?").param(title).query(Long.class).single();
    }

    private String statusOf(String issue) {
        return jdbc.sql("select status from issue where id = ?").param(issue).query(String.class).single();
    }

    private long csrfRefusals(String actor) {
        return jdbc.sql("""
                select count(*) from audit_event where actor = ? and action = 'ACCESS_DENIED'
                  and details like '%"reason":"csrf"%' and details like '%/api/issues/import%'""")
                .param(actor).query(Long.class).single();
    }
}
