package jp.tsunagu.notification.web;

import static jp.tsunagu.testsupport.DemoPeople.ADMIN;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The controller alone; that only ADMIN reaches {@code /api/admin/**} is tested on the whole application. */
@WebMvcTest(WebhookAdminController.class)
@WithMockUser(username = "admin", roles = "ADMIN")
class WebhookAdminControllerTest {

    static final Webhooks.Endpoint ENDPOINT = new Webhooks.Endpoint("w-1", "SECTION", "shimin-ka",
            "https://chat.example/hook", Set.of(NotificationEvent.TASK_ASSIGNED), true,
            OffsetDateTime.parse("2026-06-10T10:00:00+09:00"), "admin");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Webhooks webhooks;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsAdmin() {
        given(currentUser.require()).willReturn(ADMIN);
    }

    @Test
    void registersAndShowsTheSecretOnce() throws Exception {
        given(webhooks.register(any(), any())).willReturn(new Webhooks.Registered(ENDPOINT, "s3cret-s3cret-s3cret"));
        mvc.perform(post("/api/admin/webhooks").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"scope": "SECTION", "scopeCode": "shimin-ka", "url": "https://chat.example/hook",
                         "events": ["TASK_ASSIGNED"]}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/admin/webhooks/w-1"))
                .andExpect(jsonPath("$.secret").value("s3cret-s3cret-s3cret"))
                .andExpect(jsonPath("$.endpoint.events[0]").value("TASK_ASSIGNED"));
    }

    @Test
    void readsOneEndpointWithoutItsSecretAndAnUnknownOneIsNotFound() throws Exception {
        given(webhooks.list()).willReturn(List.of(ENDPOINT));
        mvc.perform(get("/api/admin/webhooks/w-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("w-1"))
                .andExpect(jsonPath("$.url").value("https://chat.example/hook"))
                .andExpect(jsonPath("$.secret").doesNotExist());
        mvc.perform(get("/api/admin/webhooks/w-9")).andExpect(status().isNotFound());
    }

    @Test
    void badRegistrationIsAProblemWithFieldErrors() throws Exception {
        given(webhooks.register(any(), any())).willThrow(new InvalidInputException("url", "must be an http or https URL"));
        mvc.perform(post("/api/admin/webhooks").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
    }

    @Test
    void listsEndpointsWithoutSecretsAndFailures() throws Exception {
        given(webhooks.list()).willReturn(List.of(ENDPOINT));
        given(webhooks.failures()).willReturn(List.of(new Webhooks.FailedDelivery(3, "w-1", "https://chat.example/hook",
                "TASK_ASSIGNED", "i-1", "TASK_ASSIGNED:i-1:SECTION:webhook:w-1#1", 8, "webhook answered 500",
                OffsetDateTime.parse("2026-06-10T10:00:00+09:00"))));
        mvc.perform(get("/api/admin/webhooks")).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].secret").doesNotExist());
        mvc.perform(get("/api/admin/webhooks/failures")).andExpect(jsonPath("$.items[0].attempts").value(8));
    }
}
