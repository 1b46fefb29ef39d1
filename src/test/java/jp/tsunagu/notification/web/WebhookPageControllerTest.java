package jp.tsunagu.notification.web;

import static jp.tsunagu.testsupport.DemoPeople.ADMIN;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The page's own mapping: the form's unit and ticks into the service's registration, the service's refusals into
 * messages at the fields, addresses by host only. That only ADMIN reaches {@code /admin/**}, and the whole journey
 * against the real service, are tested on the whole application ({@code WebhookAdministrationTest}).
 */
@WebMvcTest({WebhookPageController.class, WebhookEndpointPageController.class})
@WithMockUser(username = "admin", roles = "ADMIN")
class WebhookPageControllerTest {

    static final Department SHIMIN_SEIKATSU = new Department("shimin-seikatsu", "市民生活部", "Citizen Life Department",
            "shimin-ka");
    static final Section SHIMIN = new Section("shimin-ka", "shimin-seikatsu", "市民課", "Citizens Section");
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-06-10T10:00:00+09:00");
    static final Webhooks.Endpoint SECTION_ENDPOINT = new Webhooks.Endpoint("w-1", "SECTION", "shimin-ka",
            "https://chat.example/hooks/T0KEN", EnumSet.of(NotificationEvent.SLA_BREACHED, NotificationEvent.TASK_ASSIGNED),
            true, AT, "admin");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Webhooks webhooks;

    @MockitoBean
    Organisation organisation;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsAdmin() {
        given(currentUser.require()).willReturn(ADMIN);
        given(organisation.departments()).willReturn(List.of(SHIMIN_SEIKATSU));
        given(organisation.sections()).willReturn(List.of(SHIMIN));
    }

    @Test
    void listsEachEndpointWithItsUnitsNameAndItsAddressByHostOnly() throws Exception {
        given(webhooks.list()).willReturn(List.of(SECTION_ENDPOINT,
                new Webhooks.Endpoint("w-2", "DEPARTMENT", "shimin-seikatsu", "http://10.0.0.5:8080?key=T0KEN",
                        Set.of(NotificationEvent.ISSUE_SHARED), false, AT, "admin"),
                new Webhooks.Endpoint("w-3", "SECTION", "kari-ka", "https://chat.example",
                        Set.of(NotificationEvent.ISSUE_RESOLVED), true, AT, "admin")));

        mvc.perform(get("/admin/webhooks"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<span>市民課</span>"), containsString("<code>https://chat.example/…</code>"),
                        containsString("<span>市民生活部</span>"), containsString("<code>http://10.0.0.5:8080/…</code>"),
                        containsString("<span>kari-ka</span>"), containsString("<code>https://chat.example</code>"),
                        containsString("action=\"/admin/webhooks/w-1/disable\""),
                        containsString("action=\"/admin/webhooks/w-2/enable\""),
                        not(containsString("T0KEN")))));
    }

    /** Removing cannot be undone, so its form asks first (tsunagu.js); switching off is undone by switching on. */
    @Test
    void onlyRemovingAnEndpointAsksFirst() throws Exception {
        given(webhooks.list()).willReturn(List.of(SECTION_ENDPOINT));

        mvc.perform(get("/admin/webhooks"))
                .andExpect(content().string(allOf(containsString("action=\"/admin/webhooks/w-1/remove\" method=\"post\""
                                + " data-confirm=\"市民課の送信先 https://chat.example/… を削除します。"),
                        not(containsString("action=\"/admin/webhooks/w-1/disable\" method=\"post\" data-confirm")))));
    }

    @Test
    void showsTheLatestFiftyFailedCallsAndOnesWhoseEndpointIsGone() throws Exception {
        given(webhooks.failures()).willReturn(IntStream.rangeClosed(1, 51)
                .mapToObj(i -> new Webhooks.FailedDelivery(i, null, null, "TASK_ASSIGNED", "i-" + i, "k-" + i, 8,
                        "webhook answered 500", AT))
                .toList());

        mvc.perform(get("/admin/webhooks"))
                .andExpect(model().attribute("failures", hasSize(WebhookPageController.FAILURES_SHOWN)))
                .andExpect(content().string(allOf(containsString("（削除済みの送信先）"),
                        containsString("<code>i-50</code>"), not(containsString("<code>i-51</code>")))));
    }

    /** A hurried administrator chooses the unit: the choice starts at a placeholder, not at the first unit. */
    @Test
    void theUnitChoiceStartsAtAPlaceholderAndNotChoosingIsRefusedAtTheField() throws Exception {
        String page = mvc.perform(get("/admin/webhooks")).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page)
                .containsPattern("<select id=\"webhook-unit\"[^>]*>\\s*<option value=\"\">選んでください</option>\\s*<optgroup");
        given(webhooks.register(any(), any())).willThrow(new InvalidInputException("scope", Webhooks.SCOPE_UNKNOWN));

        mvc.perform(post("/admin/webhooks").with(csrf()).param("unit", "").param("url", "https://chat.example/hook")
                        .param("events", "TASK_ASSIGNED"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(
                        containsString("<p class=\"field-error\" id=\"webhook-unit-error\">部または課を選んでください。</p>")));
        verify(webhooks).register(new Webhooks.Registration("", "", "https://chat.example/hook",
                EnumSet.of(NotificationEvent.TASK_ASSIGNED), null), ADMIN);
    }

    @ParameterizedTest(name = "{0} is registered as {1} {2}")
    @CsvSource(textBlock = """
            section:shimin-ka,           SECTION,    shimin-ka
            department:shimin-seikatsu,  DEPARTMENT, shimin-seikatsu
            team:shimin-ka,              '',         shimin-ka
            shimin-ka,                   '',         ''
            """)
    void theUnitChoiceNamesTheScopeAndTheCode(String unit, String scope, String code) throws Exception {
        given(webhooks.register(any(), any())).willReturn(new Webhooks.Registered(SECTION_ENDPOINT, "s3cret"));

        mvc.perform(post("/admin/webhooks").with(csrf()).param("unit", unit).param("url", "https://chat.example/hook")
                        .param("events", "TASK_ASSIGNED"))
                .andExpect(redirectedUrl("/admin/webhooks"));
        verify(webhooks).register(new Webhooks.Registration(scope, code, "https://chat.example/hook",
                EnumSet.of(NotificationEvent.TASK_ASSIGNED), null), ADMIN);
    }

    @Test
    void registersTheTickedEventsItKnowsAndShowsTheSecretOnce() throws Exception {
        given(webhooks.register(any(), any())).willReturn(new Webhooks.Registered(SECTION_ENDPOINT, "s3cret-s3cret-s3cret"));

        mvc.perform(post("/admin/webhooks").with(csrf()).param("unit", "section:shimin-ka")
                        .param("url", "  https://chat.example/hook  ")
                        .param("events", "SLA_BREACHED", "NO_SUCH_EVENT", "ISSUE_RESOLVED")
                        .param("secret", "given-secret-of-20ch"))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("successKey", "admin.webhooks.registered"))
                .andExpect(flash().attribute("newSecret", "s3cret-s3cret-s3cret"))
                .andExpect(flash().attribute("newEndpointId", "w-1"));
        verify(webhooks).register(new Webhooks.Registration("SECTION", "shimin-ka", "https://chat.example/hook",
                EnumSet.of(NotificationEvent.SLA_BREACHED, NotificationEvent.ISSUE_RESOLVED), "given-secret-of-20ch"),
                ADMIN);
    }

    @Test
    void aRefusedFormComesBackWithEachErrorAtItsFieldTheChoicesKeptAndTheSecretNotEchoed() throws Exception {
        given(webhooks.register(any(), any())).willThrow(new InvalidInputException(List.of(
                new FieldProblem("scopeCode", Webhooks.SCOPE_CODE_UNKNOWN),
                new FieldProblem("url", Webhooks.URL_INVALID),
                new FieldProblem("secret", Webhooks.SECRET_LENGTH))));

        mvc.perform(post("/admin/webhooks").with(csrf()).param("unit", "section:nowhere")
                        .param("url", "ftp://chat.example/x").param("events", "SLA_BREACHED").param("secret", "short-one"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("<p class=\"field-error\" id=\"webhook-unit-error\">部または課を選んでください。</p>"),
                        containsString("<p class=\"field-error\" id=\"webhook-url-error\">http または https で始まるアドレスを"),
                        containsString("<p class=\"field-error\" id=\"webhook-secret-error\">秘密鍵は16〜200文字"),
                        containsString("登録はしていません。"), containsString("value=\"ftp://chat.example/x\""),
                        containsString("id=\"webhook-event-SLA_BREACHED\" value=\"SLA_BREACHED\" checked"),
                        not(containsString("id=\"webhook-event-TASK_ASSIGNED\" value=\"TASK_ASSIGNED\" checked")),
                        not(containsString("short-one")))));
    }

    @Test
    void theRefusalReadsInEnglish() throws Exception {
        given(webhooks.register(any(), any()))
                .willThrow(new InvalidInputException("events", Webhooks.EVENTS_REQUIRED));

        mvc.perform(post("/admin/webhooks").param("lang", "en").with(csrf()).param("unit", "section:shimin-ka")
                        .param("url", "https://chat.example/hook"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Choose at least one event."),
                        containsString("Nothing was registered."))));
    }

    @Test
    void switchesAnEndpointOffAndOnAndRemovesIt() throws Exception {
        mvc.perform(post("/admin/webhooks/w-1/disable").with(csrf()))
                .andExpect(flash().attribute("successKey", "admin.webhooks.disabled"));
        verify(webhooks).change("w-1", new Webhooks.Change(false, null), ADMIN);

        mvc.perform(post("/admin/webhooks/w-1/enable").with(csrf()))
                .andExpect(flash().attribute("successKey", "admin.webhooks.enabled"));
        verify(webhooks).change("w-1", new Webhooks.Change(true, null), ADMIN);

        mvc.perform(post("/admin/webhooks/w-1/remove").with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("successKey", "admin.webhooks.removed"));
        verify(webhooks).remove("w-1", ADMIN);
    }

    @Test
    void anEndpointRemovedMeanwhileIsSaidToBeGone() throws Exception {
        given(webhooks.change(eq("w-9"), any(), any())).willThrow(new NotFoundException("no such webhook"));
        willThrow(new NotFoundException("no such webhook")).given(webhooks).remove("w-9", ADMIN);

        for (String action : List.of("disable", "enable", "events", "remove")) {
            mvc.perform(post("/admin/webhooks/w-9/" + action).with(csrf()).param("events", "SLA_BREACHED"))
                    .andExpect(redirectedUrl("/admin/webhooks"))
                    .andExpect(flash().attribute("errorKey", "admin.webhooks.error.gone"));
        }
    }

    @Test
    void changesTheEventsToTheTickedOnesItKnows() throws Exception {
        mvc.perform(post("/admin/webhooks/w-1/events").with(csrf())
                        .param("events", "ISSUE_SHARED", "NO_SUCH_EVENT", "SLA_BREACHED"))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("successKey", "admin.webhooks.events.saved"));
        verify(webhooks).change("w-1",
                new Webhooks.Change(null, EnumSet.of(NotificationEvent.SLA_BREACHED, NotificationEvent.ISSUE_SHARED)),
                ADMIN);
    }

    @Test
    void noTickedEventIsAskedOfTheServiceAsNoneAndItsRefusalSaysWhy() throws Exception {
        Webhooks.Change none = new Webhooks.Change(null, Set.of());
        given(webhooks.change("w-1", none, ADMIN)).willThrow(new InvalidInputException("events", Webhooks.EVENTS_REQUIRED));

        mvc.perform(post("/admin/webhooks/w-1/events").with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("errorKey", "admin.webhooks.error.events"));
        verify(webhooks).change("w-1", none, ADMIN);
    }

    @Test
    void changesNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/admin/webhooks/w-1/remove")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/webhooks").param("unit", "section:shimin-ka").param("url", "https://chat.example/hook")
                        .param("events", "TASK_ASSIGNED"))
                .andExpect(status().isForbidden());
        verify(webhooks, never()).remove(any(), any());
        verify(webhooks, never()).register(any(), any());
    }

    @Test
    @WithAnonymousUser
    void nobodySignedInIsSentToTheLogin() throws Exception {
        mvc.perform(get("/admin/webhooks").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/login"));
        verify(webhooks, never()).list();
    }
}
