package jp.tsunagu.org.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.OrganisationAdministration;
import jp.tsunagu.org.OrganisationAdministration.NewPerson;
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
 * 管理: the organisation. Departments hold their sections, and each holds its people; below them the forms that add a
 * department, a section or a person, rename one, remove an empty department or section, change a person's role and
 * placement, and disable or enable a person, all through {@link OrganisationAdministration}. A refused form comes back with its errors next to its
 * fields (400).
 */
@Controller
@WebPage
class OrganisationPageController {

    /** The services' refusals, as message keys read in the reader's language. */
    private static final Map<String, String> ERROR_KEYS = Map.ofEntries(
            Map.entry(OrganisationAdministration.CODE_FORMAT, "admin.org.error.codeFormat"),
            Map.entry(OrganisationAdministration.NAME_LENGTH, "admin.org.error.nameLength"),
            Map.entry(OrganisationAdministration.TAKEN, "admin.org.error.taken"),
            Map.entry(OrganisationAdministration.UNKNOWN, "admin.org.error.unknown"),
            Map.entry(OrganisationAdministration.REQUIRED, "admin.org.error.required"),
            Map.entry(OrganisationAdministration.NOT_FOR_ROLE, "admin.org.error.notForRole"),
            Map.entry(OrganisationAdministration.PASSWORD_LENGTH, "admin.org.error.passwordLength"),
            Map.entry(OrganisationAdministration.MAIL_FORMAT, "admin.org.error.mailFormat"),
            Map.entry(OrganisationAdministration.IN_USE, "admin.org.error.inUse"),
            Map.entry(OrganisationAdministration.OWN_ACCOUNT, "admin.org.error.ownAccount"),
            Map.entry(OrganisationAdministration.LAST_ADMIN, "admin.org.error.lastAdmin"));

    private static final String DEPARTMENT_UNIT = "department:";
    private static final String SECTION_UNIT = "section:";

    private final Organisation organisation;
    private final OrganisationAdministration administration;

    OrganisationPageController(Organisation organisation, OrganisationAdministration administration) {
        this.organisation = organisation;
        this.administration = administration;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/organisation";
    }

    @GetMapping("/admin/organisation")
    String organisation(Model model) {
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
            model.addAttribute("errors", byForm("", Map.of()));
            model.addAttribute("values", byForm("", Map.of()));
        }
        return "admin-organisation";
    }

    @PostMapping("/admin/organisation/departments")
    String addDepartment(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameJa,
            @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("department", Map.of("code", code, "nameJa", nameJa, "nameEn", nameEn), "admin.org.department.added",
                always(() -> administration.addDepartment(code, nameJa, nameEn)), model, flash, response);
    }

    @PostMapping("/admin/organisation/sections")
    String addSection(@RequestParam(defaultValue = "") String departmentCode,
            @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameJa,
            @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("section", Map.of("departmentCode", departmentCode, "code", code, "nameJa", nameJa, "nameEn", nameEn),
                "admin.org.section.added",
                always(() -> administration.addSection(departmentCode, code, nameJa, nameEn)), model, flash, response);
    }

    /** The unit is {@code department:<code>} or {@code section:<code>}, as the form's grouped choice sends it. */
    @PostMapping("/admin/organisation/unit-names")
    String renameUnit(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String nameJa,
            @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("rename", Map.of("unit", unit, "nameJa", nameJa, "nameEn", nameEn), "admin.org.unit.renamed",
                always(() -> rename(unit, nameJa, nameEn)), model, flash, response);
    }

    @PostMapping("/admin/organisation/unit-removals")
    String removeUnit(@RequestParam(defaultValue = "") String unit, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("remove", Map.of("unit", unit), "admin.org.unit.removed", always(() -> remove(unit)), model, flash,
                response);
    }

    private void remove(String unit) {
        if (unit.startsWith(DEPARTMENT_UNIT)) {
            administration.removeDepartment(unit.substring(DEPARTMENT_UNIT.length()));
        } else if (unit.startsWith(SECTION_UNIT)) {
            administration.removeSection(unit.substring(SECTION_UNIT.length()));
        } else {
            throw new InvalidInputException("code", OrganisationAdministration.UNKNOWN);
        }
    }

    private void rename(String unit, String nameJa, String nameEn) {
        if (unit.startsWith(DEPARTMENT_UNIT)) {
            administration.renameDepartment(unit.substring(DEPARTMENT_UNIT.length()), nameJa, nameEn);
        } else if (unit.startsWith(SECTION_UNIT)) {
            administration.renameSection(unit.substring(SECTION_UNIT.length()), nameJa, nameEn);
        } else {
            throw new InvalidInputException("code", OrganisationAdministration.UNKNOWN);
        }
    }

    @PostMapping("/admin/organisation/person-names")
    String changeNameAndMailAddress(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String mailAddress,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return act("displayName", Map.of("username", username, "displayName", displayName, "mailAddress", mailAddress),
                "admin.org.person.renamed",
                always(() -> administration.changeNameAndMailAddress(username, displayName, mailAddress)),
                model, flash, response);
    }

    @PostMapping("/admin/organisation/people")
    String addPerson(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String sectionCode, @RequestParam(defaultValue = "") String departmentCode,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String mailAddress,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        // The password is never echoed back into the form.
        return act("person", Map.of("username", username, "displayName", displayName, "role", role,
                        "sectionCode", sectionCode, "departmentCode", departmentCode, "mailAddress", mailAddress),
                "admin.org.person.added",
                always(() -> administration.addPerson(new NewPerson(username, displayName, role(role), sectionCode,
                        departmentCode, password, mailAddress))),
                model, flash, response);
    }

    @PostMapping("/admin/organisation/placement")
    String changePlacement(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String sectionCode,
            @RequestParam(defaultValue = "") String departmentCode, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("placement", Map.of("username", username, "role", role, "sectionCode", sectionCode,
                        "departmentCode", departmentCode), "admin.org.placement.changed",
                () -> administration.changePlacement(username, role(role), sectionCode, departmentCode),
                model, flash, response);
    }

    @PostMapping("/admin/organisation/people/{username}/disable")
    String disable(@PathVariable String username, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("enabled", Map.of("username", username), "admin.org.person.disabled",
                () -> administration.setEnabled(username, false), model, flash, response);
    }

    @PostMapping("/admin/organisation/people/{username}/enable")
    String enable(@PathVariable String username, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return act("enabled", Map.of("username", username), "admin.org.person.enabled",
                () -> administration.setEnabled(username, true), model, flash, response);
    }

    /**
     * Runs the change and goes back to the page; a refusal shows the same page with the form's field errors. A change
     * that found nothing to change says so instead of its success message.
     */
    private String act(String form, Map<String, String> values, String successKey, BooleanSupplier change, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        boolean changed;
        try {
            changed = change.getAsBoolean();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", byForm(form, PageErrors.fieldErrorKeys(e, ERROR_KEYS)));
            model.addAttribute("values", byForm(form, values));
            model.addAttribute(PageErrors.FLASH_ERROR, "admin.org.error");
            model.addAttribute("currentPath", "/admin/organisation");
            return organisation(model);
        }
        flash.addFlashAttribute(PageErrors.FLASH_SUCCESS, changed ? successKey : "admin.org.nothingChanged");
        return "redirect:/admin/organisation";
    }

    /** For a change that always changes something when it is not refused. */
    private static BooleanSupplier always(Runnable change) {
        return () -> {
            change.run();
            return true;
        };
    }

    /** One map per form, so that the template reads {@code errors.section['code']} without checking the form. */
    private static Map<String, Map<String, String>> byForm(String form, Map<String, String> content) {
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        for (String name : List.of("department", "section", "rename", "remove", "person", "displayName",
                "placement", "enabled")) {
            maps.put(name, name.equals(form) ? content : Map.of());
        }
        return maps;
    }

    private static Role role(String name) {
        if (name.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", OrganisationAdministration.UNKNOWN);
        }
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
