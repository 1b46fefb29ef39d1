package jp.tsunagu.notification.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.notification.Webhooks;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Section;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the chat tools' webhooks. The endpoints with their section or department, the events they hear of and whether
 * they are on; a form that registers one and shows its signing secret once; switching one off or on, changing its
 * events, removing it; and the calls that ran out of attempts. The same {@link Webhooks} service as
 * {@code /api/admin/webhooks}, so every change is audited there. Addresses are shown by host only: a chat tool's
 * address often carries its token in the path, and a screen is read over shoulders.
 */
@Controller
@WebPage
class WebhookPageController {

    static final String PAGE = "/admin/webhooks";
    /** How many of the latest failed calls the page lists; the API lists more. */
    static final int FAILURES_SHOWN = 50;

    private static final String DEPARTMENT_UNIT = "department:";
    private static final String SECTION_UNIT = "section:";

    /** The service's refusals, as message keys read in the reader's language. */
    private static final Map<String, String> ERROR_KEYS = Map.of(
            Webhooks.SCOPE_UNKNOWN, "admin.webhooks.error.unit",
            Webhooks.SCOPE_CODE_UNKNOWN, "admin.webhooks.error.unit",
            Webhooks.URL_INVALID, "admin.webhooks.error.url",
            Webhooks.EVENTS_REQUIRED, "admin.webhooks.error.events",
            Webhooks.SECRET_LENGTH, "admin.webhooks.error.secret");

    private final Webhooks webhooks;
    private final Organisation organisation;
    private final CurrentUser currentUser;

    WebhookPageController(Webhooks webhooks, Organisation organisation, CurrentUser currentUser) {
        this.webhooks = webhooks;
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        List<Department> departments = organisation.departments();
        List<Section> sections = organisation.sections();
        model.addAttribute("endpoints", webhooks.list().stream()
                .map(endpoint -> EndpointRow.of(endpoint, departments, sections)).toList());
        model.addAttribute("failures", webhooks.failures().stream().limit(FAILURES_SHOWN).map(FailureRow::of).toList());
        model.addAttribute("allDepartments", departments);
        model.addAttribute("allSections", sections);
        model.addAttribute("events", NotificationEvent.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of("events", List.of()));
        }
        return "admin-webhooks";
    }

    /**
     * Registers an endpoint and shows its signing secret once, on the page it returns to. A refused form comes back
     * with its errors next to its fields (400), nothing registered.
     */
    @PostMapping(PAGE)
    String register(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) List<String> events, @RequestParam(defaultValue = "") String secret,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        List<String> chosen = events == null ? List.of() : events;
        Webhooks.Registered registered;
        try {
            registered = webhooks.register(new Webhooks.Registration(scope(unit), code(unit), url.strip(),
                    eventSet(chosen), secret.isBlank() ? null : secret), currentUser.require());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new LinkedHashMap<>();
            PageErrors.fieldErrorKeys(e, ERROR_KEYS).forEach((field, key) ->
                    errors.putIfAbsent(field.startsWith("scope") ? "unit" : field, key));
            model.addAttribute("errors", errors);
            // The secret is never echoed back into the page.
            model.addAttribute("values", Map.of("unit", unit, "url", url, "events", chosen));
            model.addAttribute(PageErrors.FLASH_ERROR, "admin.webhooks.error");
            model.addAttribute("currentPath", PAGE);
            return page(model);
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.webhooks.registered");
        flash.addFlashAttribute("newSecret", registered.secret());
        flash.addFlashAttribute("newEndpointId", registered.endpoint().id());
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "admin.webhooks.disabled",
                () -> webhooks.change(id, new Webhooks.Change(false, null), currentUser.require()));
    }

    @PostMapping(PAGE + "/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "admin.webhooks.enabled",
                () -> webhooks.change(id, new Webhooks.Change(true, null), currentUser.require()));
    }

    /**
     * Changes the events an endpoint hears of. An empty choice is refused with the reason, the endpoint unchanged; a
     * choice equal to the current one changes nothing and is not audited.
     */
    @PostMapping(PAGE + "/{id}/events")
    String changeEvents(@PathVariable String id, @RequestParam(required = false) List<String> events,
            RedirectAttributes flash) {
        try {
            return act(flash, "admin.webhooks.events.saved", () -> webhooks.change(id,
                    new Webhooks.Change(null, eventSet(events)), currentUser.require()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.webhooks.error.events");
            return "redirect:" + PAGE;
        }
    }

    @PostMapping(PAGE + "/{id}/remove")
    String remove(@PathVariable String id, RedirectAttributes flash) {
        return act(flash, "admin.webhooks.removed", () -> webhooks.remove(id, currentUser.require()));
    }

    /** An endpoint another administrator removed a moment ago is said to be gone, on this page. */
    private static String act(RedirectAttributes flash, String successKey, Runnable change) {
        try {
            change.run();
            flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, successKey);
        } catch (NotFoundException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.webhooks.error.gone");
        }
        return "redirect:" + PAGE;
    }

    /** "department:x" and "section:x" as the service's scope; anything else is refused there as an unknown scope. */
    private static String scope(String unit) {
        return unit.startsWith(DEPARTMENT_UNIT) ? "DEPARTMENT" : unit.startsWith(SECTION_UNIT) ? "SECTION" : "";
    }

    private static String code(String unit) {
        int colon = unit.indexOf(':');
        return colon < 0 ? "" : unit.substring(colon + 1);
    }

    /**
     * Names the form does not offer are left out; none left (or no box ticked, null) is refused by the service as no
     * events.
     */
    private static Set<NotificationEvent> eventSet(List<String> names) {
        Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
        Arrays.stream(NotificationEvent.values()).filter(event -> names != null && names.contains(event.name()))
                .forEach(events::add);
        return events;
    }

    /** A failed call as the page lists it: the address by host (none once its endpoint is removed). */
    record FailureRow(OffsetDateTime createdAt, String shownAddress, String event, String issueId, int attempts,
            String lastError) {

        static FailureRow of(Webhooks.FailedDelivery failure) {
            return new FailureRow(failure.createdAt(),
                    failure.url() == null ? null : EndpointRow.shownAddress(failure.url()), failure.event(),
                    failure.issueId(), failure.attempts(), failure.lastError());
        }
    }

    /** An endpoint as the page lists it: its unit's names, and its address by scheme and host only. */
    record EndpointRow(String id, String scope, String scopeCode, String unitNameJa, String unitNameEn,
            String shownAddress, List<NotificationEvent> events, boolean enabled, OffsetDateTime createdAt,
            String createdBy) {

        private record UnitNames(String ja, String en) {
        }

        static EndpointRow of(Webhooks.Endpoint endpoint, List<Department> departments, List<Section> sections) {
            UnitNames names = ("DEPARTMENT".equals(endpoint.scope())
                    ? departments.stream().filter(d -> d.code().equals(endpoint.scopeCode()))
                            .map(d -> new UnitNames(d.nameJa(), d.nameEn()))
                    : sections.stream().filter(s -> s.code().equals(endpoint.scopeCode()))
                            .map(s -> new UnitNames(s.nameJa(), s.nameEn())))
                    .findFirst().orElse(new UnitNames(endpoint.scopeCode(), endpoint.scopeCode()));
            List<NotificationEvent> events = new ArrayList<>(endpoint.events());
            events.sort(null);
            return new EndpointRow(endpoint.id(), endpoint.scope(), endpoint.scopeCode(), names.ja(), names.en(),
                    shownAddress(endpoint.url()), events, endpoint.enabled(), endpoint.createdAt(),
                    endpoint.createdBy());
        }

        /** {@code https://chat.example/…}: where calls go, without the path that may hold the tool's token. */
        static String shownAddress(String url) {
            try {
                URI uri = URI.create(url);
                boolean hasMore = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (hasMore ? "/…" : "");
            } catch (RuntimeException malformed) {
                return "…";
            }
        }
    }
}
