package jp.tsunagu.org;

import java.util.List;
import java.util.Optional;

/** Read access to the organisation. */
public interface Organisation {

    Optional<Person> findPerson(String username);

    Optional<Section> findSection(String code);

    Optional<Department> findDepartment(String code);

    List<Section> sectionsOf(String departmentCode);

    /** Every department, by code. */
    List<Department> departments();

    /** Every section, department by department. */
    default List<Section> sections() {
        return departments().stream().flatMap(department -> sectionsOf(department.code()).stream()).toList();
    }

    /** Every enabled person, by username. */
    List<Person> people();

    /** The enabled people holding {@code role} in the section (or, for department roles, the department). */
    List<Person> peopleWithRole(Role role, String sectionOrDepartmentCode);

    /**
     * The enabled person's own e-mail address, when one is recorded; otherwise mail goes to the city's usual address
     * for the username.
     */
    Optional<String> mailAddressOf(String username);

    /** The enabled people holding {@code principal} (see {@link Principals}); empty for an unknown principal. */
    List<Person> peopleWithPrincipal(String principal);
}
