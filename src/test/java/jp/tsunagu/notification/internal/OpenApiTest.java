package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
