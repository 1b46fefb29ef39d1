package jp.tsunagu.org.web;

import static jp.tsunagu.org.web.OrganisationPage.always;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.OrganisationAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: the organisation page itself, where departments hold their sections and each holds its people, and its forms
 * that add a department or a section, rename one, or remove an empty one, all through
 * {@link OrganisationAdministration}. The people's forms are {@link OrganisationPeoplePageController}'s. A refused
 * form comes back with its errors next to its fields (400).
 */
@Controller
@WebPage
class OrganisationUnitPageController {

    private static final String DEPARTMENT_UNIT = "department:";
    private static final String SECTION_UNIT = "section:";

    private final OrganisationAdministration administration;
    private final OrganisationPage page;

    OrganisationUnitPageController(Organisation organisation, OrganisationAdministration administration) {
        this.administration = administration;
        this.page = new OrganisationPage(organisation, administration);
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:" + OrganisationPage.PATH;
    }

    @GetMapping(OrganisationPage.PATH)
    String organisation(Model model) {
        return page.render(model);
    }

    @PostMapping("/admin/organisation/departments")
    String addDepartment(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameJa,
            @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.DEPARTMENT, Map.of("code", code, "nameJa", nameJa, "nameEn", nameEn),
                "admin.org.department.added", always(() -> administration.addDepartment(code, nameJa, nameEn)), model,
                flash, response);
    }

    @PostMapping("/admin/organisation/sections")
    String addSection(@RequestParam(defaultValue = "") String departmentCode,
            @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameJa,
            @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.SECTION,
                Map.of("departmentCode", departmentCode, "code", code, "nameJa", nameJa, "nameEn", nameEn),
                "admin.org.section.added",
                always(() -> administration.addSection(departmentCode, code, nameJa, nameEn)), model, flash, response);
    }

    /** The unit is {@code department:<code>} or {@code section:<code>}, as the form's grouped choice sends it. */
    @PostMapping("/admin/organisation/unit-names")
    String renameUnit(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String nameJa,
            @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.RENAME, Map.of("unit", unit, "nameJa", nameJa, "nameEn", nameEn),
                "admin.org.unit.renamed", always(() -> rename(unit, nameJa, nameEn)), model, flash, response);
    }

    @PostMapping("/admin/organisation/unit-removals")
    String removeUnit(@RequestParam(defaultValue = "") String unit, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        return page.act(OrganisationForm.REMOVE, Map.of("unit", unit), "admin.org.unit.removed",
                always(() -> remove(unit)), model, flash, response);
    }

    private void remove(String unit) {
        if (unit.startsWith(DEPARTMENT_UNIT)) {
            administration.removeDepartment(unit.substring(DEPARTMENT_UNIT.length()));
        } else if (unit.startsWith(SECTION_UNIT)) {
            administration.removeSection(unit.substring(SECTION_UNIT.length()));
        } else {
            throw new InvalidInputException(List.of(unitProblem(unit)));
        }
    }

    private void rename(String unit, String nameJa, String nameEn) {
        if (unit.startsWith(DEPARTMENT_UNIT)) {
            administration.renameDepartment(unit.substring(DEPARTMENT_UNIT.length()), nameJa, nameEn);
        } else if (unit.startsWith(SECTION_UNIT)) {
            administration.renameSection(unit.substring(SECTION_UNIT.length()), nameJa, nameEn);
        } else {
            // Either kind refuses a unit it does not know, and checks the names along with it.
            throw OrganisationPage.refusalAlongside(unitProblem(unit),
                    () -> administration.renameDepartment("", nameJa, nameEn));
        }
    }

    /** The choice's placeholder sends nothing: said as such, not as an unknown unit. */
    private static FieldProblem unitProblem(String unit) {
        return new FieldProblem("code",
                unit.isBlank() ? OrganisationPage.UNIT_NOT_CHOSEN : OrganisationAdministration.UNKNOWN);
    }
}
