package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One of each thing the API creates with 201, each made by a person who may, through the API. What would outlive the
 * test in the shared database (the token, the webhook, the closure day) is removed again on {@link #close()}.
 */
final class OneOfEachCreated implements AutoCloseable {

    /**
     * @param operation the POST that created it, as the OpenAPI description names it
     * @param location  its {@code Location}
     * @param key       its id (a closure's date) in the POST's answer, under {@code keyPath} of a GET's answer
     */
    record Created(String operation, String location, String key, String keyPath) {
    }

    private final MockMvc mvc;
    private final List<Created> created = new ArrayList<>();

    OneOfEachCreated(MockMvc mvc) throws Exception {
        this.mvc = mvc;
        try {
            Created issue = create("/api/issues", "sato", """
                    {"title": "作成先の確認", "description": "", "category": "OTHER", "severity": "LOW",
                     "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""", "$.id", "$.id");
            create(issue.location() + "/comments", "sato", "{\"text\": \"確認しました\"}", "$.id", "$.id");
            create("/api/admin/api-tokens", "admin", """
                    {"username": "rpa-bot", "sections": ["shimin-ka"], "label": "作成先の確認"}""", "$.id", "$.id");
            create("/api/admin/webhooks", "admin", """
                    {"scope": "SECTION", "scopeCode": "shimin-ka", "url": "https://chat.example/created-check",
                     "events": ["TASK_ASSIGNED"]}""", "$.endpoint.id", "$.id");
            create("/api/admin/calendar/closures", "admin", """
                    {"date": "2099-03-03", "reason": "作成先の確認"}""", "$.date", "$.date");
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    List<Created> all() {
        return created;
    }

    private Created create(String path, String person, String json, String keyInAnswer, String keyPath)
            throws Exception {
        MockHttpServletResponse answer = mvc.perform(post(path).with(as(person))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andReturn().getResponse();
        assertThat(answer.getStatus()).as("POST %s: %s", path, answer.getContentAsString()).isEqualTo(201);
        assertThat(answer.getHeader(HttpHeaders.LOCATION)).as("the Location of POST %s", path).isNotBlank();
        String key = JsonPath.read(answer.getContentAsString(), keyInAnswer);
        Created made = new Created("post " + path.replaceFirst("^/api/issues/[^/]+/", "/api/issues/{id}/"),
                answer.getHeader(HttpHeaders.LOCATION), key, keyPath);
        created.add(made);
        return made;
    }

    static RequestPostProcessor as(String person) {
        return user(person).roles("admin".equals(person) ? "ADMIN" : "STAFF");
    }

    @Override
    public void close() throws Exception {
        for (Created made : created) {
            if (made.location().startsWith("/api/admin/")) {
                assertThat(mvc.perform(delete(made.location()).with(as("admin"))).andReturn().getResponse()
                        .getStatus()).as("DELETE %s", made.location()).isIn(200, 204);
            }
        }
    }
}
