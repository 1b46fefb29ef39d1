package jp.tsunagu.notification.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.InvalidInputException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the chat tools' webhooks. The endpoints with their section or department, the events they hear of and whether
 * they are on; a form that registers one and shows its signing secret once; and the calls that ran out of attempts.
 * Switching one off or on, changing its events and removing it are {@link WebhookEndpointPageController}'s. The same
 * {@link Webhooks} service as {@code /api/admin/webhooks}, so every change is audited there. Addresses are shown by
 * host only: a chat tool's address often carries its token in the path, and a screen is read over shoulders.
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
                .map(endpoint -> WebhookEndpointRow.of(endpoint, departments, sections)).toList());
        model.addAttribute("failures",
                webhooks.failures().stream().limit(FAILURES_SHOWN).map(WebhookFailureRow::of).toList());
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
                    WebhookEventChoice.of(chosen), secret.isBlank() ? null : secret), currentUser.require());
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

    /** "department:x" and "section:x" as the service's scope; anything else is refused there as an unknown scope. */
    private static String scope(String unit) {
        return unit.startsWith(DEPARTMENT_UNIT) ? "DEPARTMENT" : unit.startsWith(SECTION_UNIT) ? "SECTION" : "";
    }

    private static String code(String unit) {
        int colon = unit.indexOf(':');
        return colon < 0 ? "" : unit.substring(colon + 1);
    }
}
