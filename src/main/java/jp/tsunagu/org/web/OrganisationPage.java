package jp.tsunagu.org.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.OrganisationAdministration;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation page's model and its forms' round trip, shared by {@link OrganisationUnitPageController} and
 * {@link OrganisationPeoplePageController}: each re-renders the whole page when one of its forms is refused.
 */
final class OrganisationPage {

    static final String PATH = "/admin/organisation";
    /** The page's own refusal: a form's department-or-section choice left at its placeholder. */
    static final String UNIT_NOT_CHOSEN = "no department or section chosen";

    /** The services' refusals, as message keys read in the reader's language. */
    private static final Map<String, String> ERROR_KEYS = Map.ofEntries(
            Map.entry(OrganisationAdministration.CODE_FORMAT, "admin.org.error.codeFormat"),
            Map.entry(OrganisationAdministration.NAME_LENGTH, "admin.org.error.nameLength"),
            Map.entry(OrganisationAdministration.TAKEN, "admin.org.error.taken"),
            Map.entry(OrganisationAdministration.UNKNOWN, "admin.org.error.unknown"),
            Map.entry(OrganisationAdministration.REQUIRED, "admin.org.error.required"),
            Map.entry(OrganisationAdministration.REQUIRED_FOR_ROLE, "admin.org.error.requiredForRole"),
            Map.entry(OrganisationAdministration.NOT_FOR_ROLE, "admin.org.error.notForRole"),
            Map.entry(OrganisationAdministration.PASSWORD_LENGTH, "admin.org.error.passwordLength"),
            Map.entry(OrganisationAdministration.MAIL_FORMAT, "admin.org.error.mailFormat"),
            Map.entry(OrganisationAdministration.IN_USE, "admin.org.error.inUse"),
            Map.entry(OrganisationAdministration.OWN_ACCOUNT, "admin.org.error.ownAccount"),
            Map.entry(OrganisationAdministration.LAST_ADMIN, "admin.org.error.lastAdmin"),
            Map.entry(UNIT_NOT_CHOSEN, "admin.org.error.unitNotChosen"));

    private final Organisation organisation;
    private final OrganisationAdministration administration;

    OrganisationPage(Organisation organisation, OrganisationAdministration administration) {
        this.organisation = organisation;
        this.administration = administration;
    }

    /** Fills the page's model, keeping a refused form's errors and values when there are some, and names its view. */
    String render(Model model) {
        List<Person> people = organisation.people();
        model.addAttribute("departments", organisation.departments().stream()
                .map(department -> DepartmentView.of(department, organisation.sectionsOf(department.code()), people))
                .toList());
        model.addAttribute("unassigned", people.stream().filter(p -> p.departmentCode() == null).toList());
        model.addAttribute("allDepartments", organisation.departments());
        model.addAttribute("allSections", organisation.sections());
        model.addAttribute("everyone", administration.everyone());
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", byForm(null, Map.of()));
            model.addAttribute("values", byForm(null, Map.of()));
        }
        return "admin-organisation";
    }

    /**
     * Runs the change and goes back to the page; a refusal shows the same page with the form's field errors, summed up
     * at the top. A change that found nothing to change says so instead of its success message.
     */
    String act(OrganisationForm form, Map<String, String> values, String successKey, BooleanSupplier change,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        boolean changed;
        try {
            changed = change.getAsBoolean();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> errors = PageErrors.fieldErrorKeys(e, ERROR_KEYS);
            model.addAttribute("errors", byForm(form, errors));
            model.addAttribute("values", byForm(form, values));
            // The page's own summary, which names the form, stands for the layout's message; the title still says so.
            model.addAttribute("refusal", form.refusal(errors));
            model.addAttribute("failed", true);
            model.addAttribute("currentPath", PATH);
            return render(model);
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, changed ? successKey : "admin.org.nothingChanged");
        return "redirect:" + PATH;
    }

    /**
     * The refusal of a form with a field the page could not read (a choice left at its placeholder, a role no form
     * offers): the page's own problem for that field, with every problem the service finds in the rest of the form.
     * The check is the change given nothing for that field, which the service refuses in any case before it writes
     * anything; its word for the field gives way to the page's.
     */
    static InvalidInputException refusalAlongside(FieldProblem own, Runnable check) {
        List<FieldProblem> problems = new ArrayList<>(List.of(own));
        try {
            check.run();
        } catch (InvalidInputException refused) {
            refused.problems().stream().filter(problem -> !problem.field().equals(own.field())).forEach(problems::add);
        }
        return new InvalidInputException(problems);
    }

    /** For a change that always changes something when it is not refused. */
    static BooleanSupplier always(Runnable change) {
        return () -> {
            change.run();
            return true;
        };
    }

    /** One map per form, so that the template reads {@code errors.section['code']} without checking the form. */
    private static Map<String, Map<String, String>> byForm(OrganisationForm form, Map<String, String> content) {
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        for (OrganisationForm each : OrganisationForm.values()) {
            maps.put(each.key, each == form ? content : Map.of());
        }
        return maps;
    }

    /** A department with the people who belong to it but to none of its sections (head, coordinator). */
    record DepartmentView(Department department, List<Person> ownPeople, List<SectionView> sections) {

        static DepartmentView of(Department department, List<Section> sections, List<Person> people) {
            List<Person> ownPeople = people.stream()
                    .filter(p -> department.code().equals(p.departmentCode()) && p.sectionCode() == null).toList();
            return new DepartmentView(department, ownPeople, sections.stream()
                    .map(section -> new SectionView(section, people.stream()
                            .filter(p -> Objects.equals(section.code(), p.sectionCode())).toList()))
                    .toList());
        }
    }

    record SectionView(Section section, List<Person> people) {
    }
}
