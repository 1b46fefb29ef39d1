package jp.tsunagu.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Builds a 市民課 issue raised by sato at a given level and state, through the API: SECTION → (sato requests, suzuki
 * approves) → DEPARTMENT → (kimura requests, tanaka approves) → CITY. Calls are made as an authenticated demo person
 * without checking the password each time: sign-in itself is tested elsewhere, and bcrypt on every call would make
 * this matrix slow.
 */
final class IssueFixtures {

    static final String RAISE = """
            {"title": "権限確認", "description": "アクセス表の確認用", "category": "OTHER", "severity": "MEDIUM",
             "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": true, "personalDetails": "確認用 氏名"}""";

    static final Map<String, String> ROLES = Map.ofEntries(Map.entry("sato", "STAFF"), Map.entry("suzuki", "SECTION_CHIEF"),
            Map.entry("takahashi", "STAFF"), Map.entry("kobayashi", "SECTION_CHIEF"),
            Map.entry("kimura", "DEPARTMENT_COORDINATOR"), Map.entry("tanaka", "DEPARTMENT_HEAD"),
            Map.entry("yamamoto", "STAFF"), Map.entry("nakamura", "DEPARTMENT_HEAD"), Map.entry("ito", "CITY_COORDINATOR"),
            Map.entry("watanabe", "AUDITOR"), Map.entry("admin", "ADMIN"));

    private final MockMvc mvc;

    IssueFixtures(MockMvc mvc) {
        this.mvc = mvc;
    }

    String issue(String level, String state) {
        try {
            String id = JsonPath.read(mvc.perform(request(HttpMethod.POST, "/api/issues").with(as("sato"))
                    .contentType(MediaType.APPLICATION_JSON).content(RAISE)).andReturn().getResponse().getContentAsString(), "$.id");
            if (!level.equals("SECTION")) {
                escalate(id, "sato", "suzuki");
            }
            if (level.equals("CITY")) {
                escalate(id, "kimura", "tanaka");
            }
            String responder = switch (level) {
                case "SECTION" -> "sato";
                case "DEPARTMENT" -> "kimura";
                default -> "ito";
            };
            String supervisor = level.equals("SECTION") ? "suzuki" : "tanaka";
            switch (state) {
                case "OPEN" -> { }
                case "IN_PROGRESS" -> expect(call(responder, HttpMethod.POST, "/api/issues/" + id + "/acknowledge", "{}"), 204);
                case "REQUESTED" -> {
                    expect(call(responder, HttpMethod.POST, "/api/issues/" + id + "/acknowledge", "{}"), 204);
                    expect(call(responder, HttpMethod.POST, "/api/issues/" + id + "/escalation-requests", "{\"reason\": \"r\"}"), 204);
                }
                case "PAUSED" -> {
                    expect(call(responder, HttpMethod.POST, "/api/issues/" + id + "/acknowledge", "{}"), 204);
                    expect(call(supervisor, HttpMethod.POST, "/api/issues/" + id + "/pause", "{\"reason\": \"回答待ち\"}"), 204);
                }
                default -> throw new IllegalArgumentException(state);
            }
            return id;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sato's comment on the issue: its id, from the Location the comment was answered with. */
    String comment(String issueId) {
        try {
            String location = mvc.perform(request(HttpMethod.POST, "/api/issues/" + issueId + "/comments")
                    .with(as("sato")).contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"確認用\"}"))
                    .andReturn().getResponse().getHeader("Location");
            return location.substring(location.lastIndexOf('/') + 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int call(String person, HttpMethod method, String path, String body) throws Exception {
        return call(person, method, path, body, MediaType.APPLICATION_JSON_VALUE);
    }

    int call(String person, HttpMethod method, String path, String body, String contentType) throws Exception {
        return mvc.perform(request(method, path).with(as(person))
                .contentType(contentType).content(body)).andReturn().getResponse().getStatus();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String person) {
        return user(person).roles(ROLES.get(person));
    }

    private void escalate(String id, String requester, String approver) throws Exception {
        expect(call(requester, HttpMethod.POST, "/api/issues/" + id + "/acknowledge", "{}"), 204);
        expect(call(requester, HttpMethod.POST, "/api/issues/" + id + "/escalation-requests", "{\"reason\": \"r\"}"), 204);
        expect(call(approver, HttpMethod.POST, "/api/issues/" + id + "/escalation-requests/current/approve", "{}"), 204);
    }

    private static void expect(int actual, int expected) {
        if (actual != expected) {
            throw new IllegalStateException("fixture step answered " + actual + ", expected " + expected);
        }
    }
}
