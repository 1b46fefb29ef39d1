package jp.tsunagu.org.internal;

import java.util.List;
import java.util.Optional;

import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrganisation implements Organisation {

    private static final String PERSON_COLUMNS = "username, display_name, role, section_code, department_code";
    static final RowMapper<Person> PERSON = (rs, i) -> new Person(rs.getString("username"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("section_code"),
            rs.getString("department_code"));

    private final JdbcClient jdbc;

    JdbcOrganisation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> mailAddressOf(String username) {
        return jdbc.sql("select mail_address from person where username = ? and enabled and mail_address is not null")
                .param(username).query(String.class).optional();
    }

    @Override
    public Optional<Person> findPerson(String username) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where username = ? and enabled")
                .param(username).query(PERSON).optional();
    }

    @Override
    public Optional<Section> findSection(String code) {
        return jdbc.sql("select code, department_code, name_ja, name_en from section where code = ?")
                .param(code).query(Section.class).optional();
    }

    @Override
    public Optional<Department> findDepartment(String code) {
        return jdbc.sql("select code, name_ja, name_en, lead_section_code from department where code = ?")
                .param(code).query(Department.class).optional();
    }

    @Override
    public List<Section> sectionsOf(String departmentCode) {
        return jdbc.sql("select code, department_code, name_ja, name_en from section where department_code = ? order by code")
                .param(departmentCode).query(Section.class).list();
    }

    @Override
    public List<Department> departments() {
        return jdbc.sql("select code, name_ja, name_en, lead_section_code from department order by code")
                .query(Department.class).list();
    }

    @Override
    public List<Person> people() {
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where enabled order by username").query(PERSON).list();
    }

    @Override
    public List<Person> peopleWithRole(Role role, String sectionOrDepartmentCode) {
        String scope = role == Role.SECTION_CHIEF || role == Role.STAFF ? "section_code" : "department_code";
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where enabled and role = ? and " + scope + " = ? order by username")
                .param(role.name()).param(sectionOrDepartmentCode).query(PERSON).list();
    }

    /** Narrows by the principal's scope in SQL, then keeps exactly those whose principals include it. */
    @Override
    public List<Person> peopleWithPrincipal(String principal) {
        int colon = principal.indexOf(':');
        int at = principal.indexOf('@');
        String where;
        String value;
        if (principal.startsWith("user:")) {
            where = "username = ?";
            value = principal.substring(colon + 1);
        } else if (principal.startsWith("section:") || principal.startsWith(Role.SECTION_CHIEF.name() + "@")) {
            where = "section_code = ?";
            value = principal.substring(Math.max(colon, at) + 1);
        } else if (principal.startsWith("department:") || at > 0) {
            where = "department_code = ?";
            value = principal.substring(Math.max(colon, at) + 1);
        } else if (principal.startsWith("role:")) {
            where = "role = ?";
            value = principal.substring(colon + 1);
        } else {
            return List.of();
        }
        return jdbc.sql("select " + PERSON_COLUMNS + " from person where enabled and " + where + " order by username")
                .param(value).query(PERSON).list().stream()
                .filter(person -> person.principals().contains(principal))
                .toList();
    }
}
