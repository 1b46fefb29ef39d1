package jp.tsunagu.org.web;

import static jp.tsunagu.org.web.OrganisationPage.always;

import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.OrganisationAdministration;
import jp.tsunagu.org.OrganisationAdministration.NewPerson;
import jp.tsunagu.org.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the organisation page's forms for people: add a person, change a name and mail address, a role and placement,
 * disable or enable a person, all through {@link OrganisationAdministration}. The page itself is
 * {@link OrganisationUnitPageController}'s. A refused form comes back with its errors next to its fields (400).
 */
@Controller
@WebPage
class OrganisationPeoplePageController {

    private final OrganisationAdministration administration;
    private final OrganisationPage page;

    OrganisationPeoplePageController(Organisation organisation, OrganisationAdministration administration) {
        this.administration = administration;
        this.page = new OrganisationPage(organisation, administration);
    }

    @PostMapping("/admin/organisation/person-names")
    String changeNameAndMailAddress(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String mailAddress,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        return page.act(OrganisationForm.DISPLAY_NAME,
                Map.of("username", username, "displayName", displayName, "mailAddress", mailAddress),
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
        return page.act(OrganisationForm.PERSON, Map.of("username", username, "displayName", displayName, "role", role,
                        "sectionCode", sectionCode, "departmentCode", departmentCode, "mailAddress", mailAddress),
                "admin.org.person.added",
                () -> withRole(role, chosen -> {
                    administration.addPerson(new NewPerson(username, displayName, chosen, sectionCode,
                            departmentCode, password, mailAddress));
                    return true;
                }),
                model, flash, response);
    }

    @PostMapping("/admin/organisation/placement")
    String changePlacement(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String sectionCode,
            @RequestParam(defaultValue = "") String departmentCode, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.PLACEMENT, Map.of("username", username, "role", role,
                        "sectionCode", sectionCode, "departmentCode", departmentCode), "admin.org.placement.changed",
                () -> withRole(role, chosen -> administration.changePlacement(username, chosen, sectionCode,
                        departmentCode)),
                model, flash, response);
    }

    @PostMapping("/admin/organisation/people/{username}/disable")
    String disable(@PathVariable String username, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.ENABLED, Map.of("username", username), "admin.org.person.disabled",
                () -> administration.setEnabled(username, false), model, flash, response);
    }

    @PostMapping("/admin/organisation/people/{username}/enable")
    String enable(@PathVariable String username, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.ENABLED, Map.of("username", username), "admin.org.person.enabled",
                () -> administration.setEnabled(username, true), model, flash, response);
    }

    /**
     * Runs the change with the role the form names, or none for an empty choice (the service requires one). A role no
     * form offers is the page's problem, reported with the service's problems for the rest of the form.
     */
    private static boolean withRole(String name, Predicate<Role> change) {
        if (name.isBlank()) {
            return change.test(null);
        }
        Role role;
        try {
            role = Role.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw OrganisationPage.refusalAlongside(new FieldProblem("role", OrganisationAdministration.UNKNOWN),
                    () -> change.test(null));
        }
        return change.test(role);
    }
}
