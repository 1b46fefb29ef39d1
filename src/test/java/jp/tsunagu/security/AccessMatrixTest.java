package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint × every demo person × an issue at each level, with the status each must get. An endpoint without
 * a row here fails {@link #everyApiEndpointHasARow()}: adding an endpoint means deciding who may call it.
 */
@AutoConfigureMockMvc
class AccessMatrixTest extends AbstractIntegrationTest {

    static final List<String> PEOPLE = List.of("sato", "suzuki", "takahashi", "kobayashi", "kimura", "tanaka",
            "yamamoto", "nakamura", "ito", "watanabe", "admin");

    /** METHOD path | the issue's state | its level | sato suzuki takahashi kobayashi kimura tanaka yamamoto nakamura ito watanabe admin */
    static final String MATRIX = """
            GET  /api/me                                             | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            GET  /api/tasks                                          | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            GET  /api/issues                                         | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            GET  /api/calendar/due                                   | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            POST /api/issues                                         | -           | -          | 201 201 403 403 201 201 403 403 201 403 403
            GET  /api/audit/verify                                   | -           | -          | 403 403 403 403 403 403 403 403 403 200 403
            GET  /api/audit/events                                   | -           | -          | 403 403 403 403 403 403 403 403 403 200 403
            GET  /api/audit/export.csv                               | -           | -          | 403 403 403 403 403 403 403 403 403 200 403
            GET  /api/audit/issues/{id}/timeline                     | OPEN        | CITY       | 403 403 403 403 403 403 403 403 403 200 403
            GET  /api/notifications                                  | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            POST /api/notifications/{id}/read                        | -           | -          | 404 404 404 404 404 404 404 404 404 404 404
            GET  /api/me/notification-preference                     | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            PUT  /api/me/notification-preference                     | -           | -          | 200 200 200 200 200 200 200 200 200 200 200
            POST /api/issues/import                                  | -           | -          | 200 200 200 200 200 200 200 200 200 403 403
            GET  /api/admin/webhooks                                 | -           | -          | 403 403 403 403 403 403 403 403 403 403 200
            POST /api/admin/webhooks                                 | -           | -          | 403 403 403 403 403 403 403 403 403 403 400
            GET  /api/admin/webhooks/failures                        | -           | -          | 403 403 403 403 403 403 403 403 403 403 200
            GET  /api/admin/webhooks/{id}                            | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            PATCH /api/admin/webhooks/{id}                           | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            DELETE /api/admin/webhooks/{id}                          | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            GET  /api/admin/api-tokens                               | -           | -          | 403 403 403 403 403 403 403 403 403 403 200
            POST /api/admin/api-tokens                               | -           | -          | 403 403 403 403 403 403 403 403 403 403 400
            DELETE /api/admin/api-tokens/{id}                        | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            PATCH /api/admin/api-tokens/{id}                         | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            GET  /api/admin/api-tokens/{id}                          | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            GET  /api/admin/calendar                                 | -           | -          | 403 403 403 403 403 403 403 403 403 403 200
            PUT  /api/admin/calendar/holidays                        | -           | -          | 403 403 403 403 403 403 403 403 403 403 400
            GET  /api/admin/calendar/closures                        | -           | -          | 403 403 403 403 403 403 403 403 403 403 200
            POST /api/admin/calendar/closures                        | -           | -          | 403 403 403 403 403 403 403 403 403 403 400
            DELETE /api/admin/calendar/closures/{date}               | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            GET  /api/admin/calendar/closures/{date}                 | -           | -          | 403 403 403 403 403 403 403 403 403 403 404
            GET  /api/issues/{id}                                    | OPEN        | SECTION    | 200 200 404 404 404 404 404 404 404 200 404
            GET  /api/issues/{id}                                    | OPEN        | DEPARTMENT | 200 200 200 200 200 200 404 404 404 200 404
            GET  /api/issues/{id}                                    | OPEN        | CITY       | 200 200 200 200 200 200 404 200 200 200 404
            GET  /api/issues/{id}/comments                           | OPEN        | SECTION    | 200 200 404 404 404 404 404 404 404 200 404
            GET  /api/issues/{id}/comments                           | OPEN        | DEPARTMENT | 200 200 200 200 200 200 404 404 404 200 404
            GET  /api/issues/{id}/comments                           | OPEN        | CITY       | 200 200 200 200 200 200 404 200 200 200 404
            GET  /api/issues/{id}/comments/{commentId}               | OPEN        | SECTION    | 200 200 404 404 404 404 404 404 404 200 404
            GET  /api/issues/{id}/comments/{commentId}               | OPEN        | DEPARTMENT | 200 200 200 200 200 200 404 404 404 200 404
            GET  /api/issues/{id}/comments/{commentId}               | OPEN        | CITY       | 200 200 200 200 200 200 404 200 200 200 404
            GET  /api/issues/{id}/history                            | OPEN        | SECTION    | 200 200 404 404 404 404 404 404 404 200 404
            GET  /api/issues/{id}/history                            | OPEN        | DEPARTMENT | 200 200 200 200 200 200 404 404 404 200 404
            GET  /api/issues/{id}/history                            | OPEN        | CITY       | 200 200 200 200 200 200 404 200 200 200 404
            POST /api/issues/{id}/comments                           | IN_PROGRESS | SECTION    | 201 201 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/comments                           | IN_PROGRESS | DEPARTMENT | 201 201 201 201 201 201 404 404 404 403 404
            POST /api/issues/{id}/comments                           | IN_PROGRESS | CITY       | 201 201 201 201 201 201 404 201 201 403 404
            POST /api/issues/{id}/acknowledge                        | OPEN        | SECTION    | 204 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/acknowledge                        | OPEN        | DEPARTMENT | 403 403 403 403 204 204 404 404 404 403 404
            POST /api/issues/{id}/acknowledge                        | OPEN        | CITY       | 403 403 403 403 403 403 404 403 204 403 404
            POST /api/issues/{id}/acknowledge                        | IN_PROGRESS | SECTION    | 409 409 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests                | IN_PROGRESS | SECTION    | 204 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests                | IN_PROGRESS | DEPARTMENT | 403 403 403 403 204 204 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests                | IN_PROGRESS | CITY       | 409 409 409 409 409 409 404 409 409 403 404
            POST /api/issues/{id}/escalation-requests                | OPEN        | SECTION    | 409 409 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests/current/approve | REQUESTED  | SECTION    | 403 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests/current/approve | REQUESTED  | DEPARTMENT | 403 403 403 403 403 204 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests/current/approve | IN_PROGRESS | CITY      | 409 409 409 409 409 409 404 409 409 403 404
            POST /api/issues/{id}/escalation-requests/current/reject  | REQUESTED  | SECTION    | 403 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests/current/reject  | REQUESTED  | DEPARTMENT | 403 403 403 403 403 204 404 404 404 403 404
            POST /api/issues/{id}/escalation-requests/current/reject  | IN_PROGRESS | CITY      | 409 409 409 409 409 409 404 409 409 403 404
            POST /api/issues/{id}/pause                              | IN_PROGRESS | SECTION    | 403 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/pause                              | IN_PROGRESS | DEPARTMENT | 403 403 403 403 403 204 404 404 404 403 404
            POST /api/issues/{id}/pause                              | IN_PROGRESS | CITY       | 403 403 403 403 403 204 404 403 403 403 404
            POST /api/issues/{id}/resume                             | PAUSED      | SECTION    | 403 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/resume                             | PAUSED      | DEPARTMENT | 403 403 403 403 403 204 404 404 404 403 404
            POST /api/issues/{id}/resume                             | IN_PROGRESS | SECTION    | 403 409 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/resolve                            | IN_PROGRESS | SECTION    | 204 204 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/resolve                            | IN_PROGRESS | DEPARTMENT | 403 403 403 403 204 204 404 404 404 403 404
            POST /api/issues/{id}/resolve                            | IN_PROGRESS | CITY       | 403 403 403 403 403 403 404 403 204 403 404
            POST /api/issues/{id}/resolve                            | PAUSED      | SECTION    | 409 409 404 404 404 404 404 404 404 403 404
            POST /api/issues/{id}/personal-details/reveal            | OPEN        | SECTION    | 200 200 404 404 404 404 404 404 404 200 404
            POST /api/issues/{id}/personal-details/reveal            | OPEN        | DEPARTMENT | 200 200 403 403 403 403 404 404 404 200 404
            POST /api/issues/{id}/personal-details/reveal            | OPEN        | CITY       | 200 200 403 403 403 200 404 403 403 200 404
            """;

    static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/issues", IssueFixtures.RAISE),
            Map.entry("POST /api/issues/{id}/comments", "{\"text\": \"確認しました\"}"),
            Map.entry("POST /api/issues/{id}/escalation-requests", "{\"reason\": \"上位で共有\"}"),
            Map.entry("POST /api/issues/{id}/escalation-requests/current/approve", "{\"comment\": \"承認\"}"),
            Map.entry("POST /api/issues/{id}/escalation-requests/current/reject", "{\"comment\": \"差戻し\"}"),
            Map.entry("POST /api/issues/{id}/pause", "{\"reason\": \"外部の回答待ち\"}"),
            Map.entry("POST /api/issues/{id}/resume", "{\"reason\": \"回答あり\"}"),
            Map.entry("POST /api/issues/{id}/resolve", "{\"resolution\": \"対応済み\"}"),
            Map.entry("POST /api/issues/{id}/personal-details/reveal", "{\"purpose\": \"本人確認\"}"),
            Map.entry("PUT /api/me/notification-preference", "{\"mode\": \"INSTANT\"}"),
            Map.entry("POST /api/issues/import", "title,description,category,severity,sectionCode\r\n一括,説明,OTHER,LOW,shimin-ka\r\n"));

    static final Map<String, String> CONTENT_TYPES = Map.of(
            "POST /api/issues/import", "text/csv",
            "PUT /api/admin/calendar/holidays", "text/csv");

    static final Map<String, String> QUERIES = Map.of(
            "GET /api/calendar/due", "?from=2026-11-24T10:00:00+09:00&duration=PT2H&calendar=business");

    @Autowired
    MockMvc mvc;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TestFactory
    Stream<DynamicTest> everyPersonGetsTheExpectedStatus() {
        IssueFixtures fixtures = new IssueFixtures(mvc);
        Map<String, String> shared = new HashMap<>();
        Map<String, String> commentOf = new HashMap<>();
        return rows().stream().flatMap(row -> PEOPLE.stream().map(person -> DynamicTest.dynamicTest(
                row.endpoint() + " " + row.state() + "@" + row.level() + " as " + person, () -> {
                    int expected = row.expected(person);
                    String path = row.path().replace("{date}", "2031-01-06");
                    if (path.contains("{id}") && row.state().equals("-")) {
                        path = path.replace("{id}", "987654321");
                    } else if (path.contains("{id}")) {
                        // An action that succeeds changes the issue, so it gets one of its own.
                        String key = row.state() + "@" + row.level();
                        String id = expected / 100 == 2 && row.method() == HttpMethod.POST && !path.endsWith("/reveal")
                                ? fixtures.issue(row.level(), row.state())
                                : shared.computeIfAbsent(key, k -> fixtures.issue(row.level(), row.state()));
                        path = path.replace("{id}", id)
                                .replace("{commentId}", commentOf.computeIfAbsent(id, fixtures::comment));
                    }
                    int actual = fixtures.call(person, row.method(), path + QUERIES.getOrDefault(row.endpoint(), ""),
                            BODIES.getOrDefault(row.endpoint(), "{}"), CONTENT_TYPES.getOrDefault(row.endpoint(), "application/json"));
                    assertThat(actual).as(row.endpoint() + " as " + person).isEqualTo(expected);
                })));
    }

    @Test
    void nobodyWithoutCredentialsGetsIn() throws Exception {
        for (Row row : rows()) {
            String path = row.path().replace("{id}", "x").replace("{date}", "2031-01-06").replace("{commentId}", "y");
            int status = mvc.perform(request(row.method(), path))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(row.endpoint()).isEqualTo(401);
        }
    }

    @Test
    void everyApiEndpointHasARow() {
        Set<String> inMatrix = new TreeSet<>();
        rows().forEach(row -> inMatrix.add(row.endpoint()));
        Set<String> exposed = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> exposed.add(method.name() + " " + pattern))));
        assertThat(inMatrix).as("endpoints with a row in the access matrix").containsAll(exposed);
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] parts = line.split("\\|");
            String[] endpoint = parts[0].trim().split("\\s+");
            rows.add(new Row(HttpMethod.valueOf(endpoint[0]), endpoint[1], parts[1].trim(), parts[2].trim(),
                    List.of(parts[3].trim().split("\\s+"))));
        }
        return rows;
    }

    record Row(HttpMethod method, String path, String state, String level, List<String> statuses) {

        String endpoint() {
            return method.name() + " " + path;
        }

        int expected(String person) {
            return Integer.parseInt(statuses.get(PEOPLE.indexOf(person)));
        }
    }
}
