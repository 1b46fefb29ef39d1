package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The API answers JSON only: a request that accepts no JSON gets 406, before anything is done. */
@AutoConfigureMockMvc
class NotAcceptableTest extends AbstractIntegrationTest {

    static final String RAISE = """
            {"title": "受け取れない応答", "description": "", "category": "OTHER", "severity": "LOW",
             "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true, "personalDetails": "確認 氏名"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "text/csv", "text/html, application/xml;q=0.9"})
    void aReadThatAcceptsNoJsonIsNotAcceptableAsAProblem(String accept) throws Exception {
        mvc.perform(get("/api/me").with(as("sato")).header("Accept", accept))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(406))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("application/json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "application/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    void jsonAnythingAndABrowsersUsualAcceptAreAnsweredWithJson(String accept) throws Exception {
        mvc.perform(get("/api/me").with(as("sato")).header("Accept", accept))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/api/me").with(as("sato"))).andExpect(status().isOk());
    }

    /** Spring used to find out only when writing the answer: the issue was raised, and the caller told 406. */
    @Test
    void aChangeWhoseAnswerCouldNotBeReadIsNotMade() throws Exception {
        long issues = count("select count(*) from issue");
        long events = count("select count(*) from audit_event");

        mvc.perform(raise().header("Accept", "application/xml")).andExpect(status().isNotAcceptable());

        assertThat(count("select count(*) from issue")).as("no issue raised").isEqualTo(issues);
        assertThat(count("select count(*) from audit_event")).as("nothing audited").isEqualTo(events);
    }

    /** A reveal is audited: one whose answer the caller could not read must not be. */
    @Test
    void personalDetailsAreNotRevealedIntoAnAnswerThatCouldNotBeRead() throws Exception {
        String id = JsonPath.read(mvc.perform(raise()).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        String reveals = "select count(*) from audit_event where action = 'PERSONAL_DETAILS_REVEALED' and issue_id = '"
                + id + "'";

        mvc.perform(post("/api/issues/" + id + "/personal-details/reveal").with(as("sato"))
                        .header("Accept", "text/html").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\": \"本人確認\"}"))
                .andExpect(status().isNotAcceptable());
        assertThat(count(reveals)).isZero();
    }

    /** An action answers 204 without a body: there is nothing to refuse, whatever the caller accepts. */
    @Test
    void anActionWithoutABodyIsDoneWhateverTheCallerAccepts() throws Exception {
        String id = JsonPath.read(mvc.perform(raise()).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        mvc.perform(post("/api/issues/" + id + "/acknowledge").with(as("sato")).header("Accept", "text/html"))
                .andExpect(status().isNoContent());
    }

    /** The audit export writes CSV itself: the check is for JSON answers only. */
    @Test
    void theCsvExportIsStillAnsweredToACallerAcceptingCsv() throws Exception {
        mvc.perform(get("/api/audit/export.csv").with(user("watanabe").roles("AUDITOR")).header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
    }

    private MockHttpServletRequestBuilder raise() {
        return post("/api/issues").with(as("sato")).contentType(MediaType.APPLICATION_JSON).content(RAISE);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String person) {
        return user(person).roles("STAFF");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
