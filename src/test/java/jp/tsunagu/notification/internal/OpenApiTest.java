package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** The OpenAPI description for integrators, and Swagger UI for administrators only. */
class OpenApiTest extends AbstractNotificationIntegrationTest {

    @Test
    void describesTheWholeApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user("sato").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("\"openapi\":\"3."),
                        Matchers.containsString("/api/issues/import"), Matchers.containsString("/api/notifications"),
                        Matchers.containsString("/api/issues/{id}/escalation-requests"))));
    }

    /**
     * A client generated from the description must be able to sign in, read the errors and tell the statuses apart:
     * the description used to offer no security scheme, answer 200 for everything (201 and 204 included), name no
     * error, leave the raised issue's body untyped and the title optional.
     */
    @Test
    void describesSignInStatusesAndProblemsAsTheServerAnswers() throws Exception {
        JsonNode api = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs").with(user("sato").roles("STAFF")))
                .andReturn().getResponse().getContentAsString());
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/security").size()).isEqualTo(2);

        JsonNode raise = api.at("/paths/~1api~1issues/post/responses");
        assertThat(raise.fieldNames()).toIterable().contains("201", "200", "400", "401", "403", "413", "415", "422",
                "503");
        assertThat(raise.at("/201/content/application~1json/schema/oneOf").size()).isEqualTo(2);
        assertThat(raise.at("/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .contains("status", "detail", "errors", "code");
        assertThat(api.at("/components/schemas/RaiseIssueRequest/required")).extracting(JsonNode::asText)
                .contains("title");

        JsonNode approve = api.at("/paths/~1api~1issues~1{id}~1escalation-requests~1current~1approve/post/responses");
        assertThat(approve.fieldNames()).toIterable().containsExactlyInAnyOrder("204", "400", "401", "403", "404",
                "409", "413", "415", "503");
        assertThat(api.at("/paths/~1api~1issues~1{id}/get/responses").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("200", "401", "404", "406");
        assertThat(api.at("/paths/~1api~1admin~1api-tokens/post/responses").fieldNames()).toIterable()
                .contains("201", "403").doesNotContain("200");
        assertThat(api.at("/paths/~1api~1admin~1webhooks~1{id}/delete/responses").fieldNames()).toIterable()
                .contains("204", "404").doesNotContain("200");
        assertThat(api.at("/paths/~1api~1admin~1api-tokens~1{id}/patch/responses").fieldNames()).toIterable()
                .contains("200", "400", "403", "404", "409");
        assertThat(api.at("/paths/~1api~1admin~1api-tokens~1{id}/delete/responses").fieldNames()).toIterable()
                .contains("204", "404", "409");
        assertThat(api.at("/components/schemas/Row/properties/status/enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("CREATED", "EXISTING", "INVALID", "VALID");
        assertThat(api.toString()).doesNotContain("\"*/*\"");
    }

    /**
     * The API answers JSON only: an operation that answers with a body refuses a request that accepts no JSON with
     * 406 (an action answering 204 has nothing to refuse); and every 201 names what it created in Location.
     */
    @Test
    void describesNotAcceptableAndTheLocationOfWhatIsCreated() throws Exception {
        JsonNode api = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs").with(user("sato").roles("STAFF")))
                .andReturn().getResponse().getContentAsString());
        List<String> withBodyWithout406 = new ArrayList<>();
        List<String> created = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().at("/responses");
            boolean answersWithBody = responses.has("200") && responses.get("200").has("content")
                    || responses.has("201");
            if (answersWithBody && !responses.has("406")) {
                withBodyWithout406.add(operation.getKey() + " " + path.getKey());
            }
            if (responses.has("201")) {
                created.add(operation.getKey() + " " + path.getKey());
                assertThat(responses.at("/201/headers/Location/schema/format").asText())
                        .as("the Location of %s %s", operation.getKey(), path.getKey()).isEqualTo("uri-reference");
            }
        }));
        assertThat(withBodyWithout406).isEmpty();
        assertThat(created).contains("post /api/issues", "post /api/issues/{id}/comments",
                "post /api/admin/api-tokens", "post /api/admin/webhooks", "post /api/admin/calendar/closures");
        assertThat(api.at("/paths/~1api~1me/get/responses/406/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(api.at("/paths/~1api~1issues~1{id}~1acknowledge/post/responses").has("406"))
                .as("an action answering 204").isFalse();
    }

    /** Every change may be refused with 403, if only because a browser sent it from another site. */
    @Test
    void everyChangeMayBeForbidden() throws Exception {
        JsonNode api = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs").with(user("sato").roles("STAFF")))
                .andReturn().getResponse().getContentAsString());
        List<String> withoutForbidden = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!"get".equals(operation.getKey()) && !operation.getValue().at("/responses").has("403")) {
                withoutForbidden.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(withoutForbidden).isEmpty();
        assertThat(api.at("/paths/~1api~1issues~1{id}/get/responses").has("403")).as("a read of a visible issue").isFalse();
    }

    /** The design's lists are {items, total}, and the description says so: a client reads no list as an array. */
    @Test
    void describesEveryListAsItemsAndTotal() throws Exception {
        JsonNode api = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs").with(user("sato").roles("STAFF")))
                .andReturn().getResponse().getContentAsString());
        List<String> lists = new ArrayList<>();
        api.at("/paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode schema = operation.getValue().at("/responses/200/content/application~1json/schema");
            assertThat(schema.path("type").asText()).as("%s %s", operation.getKey(), path.getKey())
                    .isNotEqualTo("array");
            JsonNode body = schema.has("$ref")
                    ? api.at("/components/schemas/" + schema.get("$ref").asText().replace("#/components/schemas/", ""))
                    : schema;
            if (body.at("/properties/items/type").asText().equals("array")) {
                assertThat(body.at("/properties/total/type").asText()).as("total of %s", path.getKey())
                        .isEqualTo("integer");
                lists.add(path.getKey());
            }
        }));
        assertThat(lists).contains("/api/issues", "/api/tasks", "/api/issues/{id}/comments",
                "/api/issues/{id}/history", "/api/audit/events", "/api/audit/issues/{id}/timeline",
                "/api/admin/api-tokens", "/api/admin/calendar/closures", "/api/admin/webhooks",
                "/api/admin/webhooks/failures", "/api/notifications");
        JsonNode taskParameters = api.at("/paths/~1api~1tasks/get/parameters");
        assertThat(taskParameters.findValuesAsText("name")).contains("page", "size", "kind", "level", "severity",
                "section", "overdue", "sort");
        List<String> sortValues = new ArrayList<>();
        taskParameters.forEach(parameter -> {
            if (parameter.path("name").asText().equals("sort")) {
                parameter.at("/schema/enum").forEach(value -> sortValues.add(value.asText()));
            }
        });
        assertThat(sortValues).as("sort as the address writes it").containsExactly("due", "due-desc");
    }

    @Test
    void swaggerUiIsForAdministrators() throws Exception {
        long denied = jdbc.sql("select count(*) from audit_event where actor = 'sato' and action = 'ACCESS_DENIED'")
                .query(Long.class).single();
        mvc.perform(get("/swagger-ui/index.html").with(user("sato").roles("STAFF"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'sato' and action = 'ACCESS_DENIED'")
                .query(Long.class).single()).as("the refusal is audited").isEqualTo(denied + 1);
        mvc.perform(get("/swagger-ui/index.html").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().is3xxRedirection());
    }
}
