package jp.tsunagu.common.web;

import static jp.tsunagu.common.web.OneOfEachCreated.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.web.OneOfEachCreated.Created;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every 201 of the API names what it created in {@code Location}, and a GET of that address answers it: for each
 * operation the OpenAPI description says answers 201, not for a list kept by hand.
 */
@AutoConfigureMockMvc
class CreatedResourceLocationTest extends AbstractIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyLocationLeadsToWhatWasCreated() throws Exception {
        try (OneOfEachCreated created = new OneOfEachCreated(mvc)) {
            for (Created made : created.all()) {
                String reader = made.location().startsWith("/api/admin/") ? "admin" : "sato";
                String answer = mvc.perform(get(made.location()).with(as(reader))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat((Object) JsonPath.read(answer, made.keyPath())).as("GET %s", made.location())
                        .isEqualTo(made.key());
            }
            assertThat(created.all()).extracting(Created::operation)
                    .containsExactlyInAnyOrderElementsOf(operationsAnswering201());
        }
    }

    private List<String> operationsAnswering201() throws Exception {
        JsonNode api = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs").with(as("sato")))
                .andReturn().getResponse().getContentAsString());
        List<String> operations = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().at("/responses").has("201")) {
                operations.add(operation.getKey() + " " + path.getKey());
            }
        }));
        return operations;
    }
}
