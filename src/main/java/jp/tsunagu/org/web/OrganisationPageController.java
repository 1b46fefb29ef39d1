package jp.tsunagu.org.web;

import java.util.List;
import java.util.Objects;

import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 管理: the organisation as loaded, read-only. Departments hold their sections, and each holds its people. */
@Controller
@WebPage
class OrganisationPageController {

    private final Organisation organisation;

    OrganisationPageController(Organisation organisation) {
        this.organisation = organisation;
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
        return "admin-organisation";
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
