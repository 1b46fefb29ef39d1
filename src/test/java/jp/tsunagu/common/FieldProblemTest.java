package jp.tsunagu.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The message code is for the pages: the API's JSON, and the import reports stored as JSON, stay field and message. */
class FieldProblemTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theJsonIsFieldAndMessageAndReadsBack() throws Exception {
        String written = json.writeValueAsString(new FieldProblem("sectionCode", "is not a known section",
                "raise.problem.unknownSection"));

        assertThat(written).isEqualTo("{\"field\":\"sectionCode\",\"message\":\"is not a known section\"}");
        assertThat(json.readValue(written, FieldProblem.class))
                .isEqualTo(new FieldProblem("sectionCode", "is not a known section"));
    }
}
