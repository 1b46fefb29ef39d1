package jp.tsunagu.issue.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Section;

/**
 * One department's sections on the raise form's 関係課 list. Every section in the city may be related, as the API and
 * the CSV import allow; the raiser's own department comes first and open, and so does any department with a section
 * already chosen, so that nothing chosen is hidden.
 */
record RelatedSectionGroup(Department department, List<Section> sections, boolean open) {

    static List<RelatedSectionGroup> of(Organisation organisation, Person raiser, Collection<String> chosen) {
        String own = raiser.departmentCode();
        return organisation.departments().stream()
                .sorted(Comparator.comparing((Department department) -> !department.code().equals(own)))
                .map(department -> group(department, organisation.sectionsOf(department.code()), own, chosen))
                .filter(group -> !group.sections().isEmpty())
                .toList();
    }

    private static RelatedSectionGroup group(Department department, List<Section> sections, String own,
            Collection<String> chosen) {
        boolean open = department.code().equals(own)
                || sections.stream().anyMatch(section -> chosen.contains(section.code()));
        return new RelatedSectionGroup(department, sections, open);
    }
}
