package jp.tsunagu.org.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.org.ApiTokens;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
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
 * 管理: the API tokens of service accounts (RPA, AI-OCR). The tokens with their account, sections, state, expiry and
 * last use, and a warning about those that expire within 30 days; a form that issues one for a service account, its
 * sections and its last valid day and shows it once; a new last valid day for one; revoking one. The same {@link ApiTokens}
 * service as {@code /api/admin/api-tokens}, which audits every change.
 */
@Controller
@WebPage
class ApiTokenPageController {

    static final String PAGE = "/admin/api-tokens";

    /** Each field has one kind of refusal, so the field names its message. */
    private static final Map<String, String> ERROR_KEYS = Map.of(
            "username", "admin.tokens.error.account",
            "sections", "admin.tokens.error.sections",
            "label", "admin.tokens.error.label",
            "expiresOn", "admin.tokens.error.expiry");

    private final ApiTokens tokens;
    private final Organisation organisation;
    private final CurrentUser currentUser;

    ApiTokenPageController(ApiTokens tokens, Organisation organisation, CurrentUser currentUser) {
        this.tokens = tokens;
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    @GetMapping(PAGE)
    String page(Model model) {
        List<Person> people = organisation.people();
        List<Section> sections = organisation.sections();
        Map<String, Person> byUsername = people.stream().collect(Collectors.toMap(Person::username,
                Function.identity()));
        Map<String, Section> byCode = sections.stream().collect(Collectors.toMap(Section::code, Function.identity()));
        List<TokenRow> rows = tokens.list().stream()
                .map(token -> new TokenRow(token, byUsername.get(token.username()),
                        token.sections().stream().map(byCode::get).filter(Objects::nonNull).toList()))
                .toList();
        model.addAttribute("tokens", rows);
        model.addAttribute("expiringSoon", rows.stream().filter(row -> row.token().expiresSoon()).toList());
        ApiTokens.ExpiryChoice expiry = tokens.expiryChoice();
        model.addAttribute("expiry", expiry);
        model.addAttribute("serviceAccounts", people.stream().filter(p -> p.role() == Role.SERVICE).toList());
        model.addAttribute("allSections", sections);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of("sections", List.of(), "expiresOn", expiry.suggested().toString()));
        }
        return "admin-api-tokens";
    }

    /** Issues a token and shows it once, on the page it returns to; a refused form comes back with its errors (400). */
    @PostMapping(PAGE)
    String issue(@RequestParam(defaultValue = "") String username,
            @RequestParam(required = false) List<String> sections, @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String expiresOn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        List<String> chosen = sections == null ? List.of() : sections;
        ApiTokens.IssuedToken issued;
        try {
            issued = tokens.issue(username, new LinkedHashSet<>(chosen), label, lastValidDay(expiresOn),
                    currentUser.require().username());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.problems()) {
                errors.putIfAbsent(problem.field(), ERROR_KEYS.getOrDefault(problem.field(), "error.invalid"));
            }
            model.addAttribute("errors", errors);
            model.addAttribute("values", Map.of("username", username, "sections", chosen, "label", label,
                    "expiresOn", expiresOn));
            model.addAttribute(PageErrors.FLASH_ERROR, "admin.tokens.error");
            model.addAttribute("currentPath", PAGE);
            return page(model);
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.tokens.issued");
        flash.addFlashAttribute("newToken", issued.token());
        return "redirect:" + PAGE;
    }

    /** The form's date (empty: the default); a browser without a date picker may send anything. */
    private static LocalDate lastValidDay(String expiresOn) {
        if (expiresOn.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(expiresOn.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiresOn", "is not a date such as 2026-11-24");
        }
    }

    /** A token revoked a moment ago by another administrator is said to be so, on this page. */
    @PostMapping(PAGE + "/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes flash) {
        try {
            tokens.revoke(id, currentUser.require().username());
            flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.tokens.revoked");
        } catch (NotFoundException | ConflictException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.tokens.error.gone");
        }
        return "redirect:" + PAGE;
    }

    /**
     * A token's new last valid day. A refused day comes back at that token's field, as typed (400); a token revoked
     * a moment ago by another administrator is said to be gone.
     */
    @PostMapping(PAGE + "/{id}/expiry")
    String changeExpiry(@PathVariable String id, @RequestParam(defaultValue = "") String expiresOn, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        try {
            tokens.changeExpiry(id, lastValidDay(expiresOn), currentUser.require().username());
            flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, "admin.tokens.expiry.changed");
        } catch (NotFoundException | ConflictException e) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "admin.tokens.error.gone");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("expiryEdit", new ExpiryEdit(id, expiresOn));
            model.addAttribute(PageErrors.FLASH_ERROR, "admin.tokens.expiry.error");
            model.addAttribute("currentPath", PAGE);
            return page(model);
        }
        return "redirect:" + PAGE;
    }

    /** A token as the page lists it, with its account (null if removed since) and its sections' names. */
    record TokenRow(ApiTokens.TokenInfo token, Person account, List<Section> sections) {
    }

    /** A refused new last valid day: the token it was for, and what was typed. */
    record ExpiryEdit(String id, String value) {
    }
}
