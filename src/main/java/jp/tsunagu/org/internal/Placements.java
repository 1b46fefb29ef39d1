package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.NOT_FOR_ROLE;
import static jp.tsunagu.org.OrganisationAdministration.REQUIRED;
import static jp.tsunagu.org.OrganisationAdministration.REQUIRED_FOR_ROLE;
import static jp.tsunagu.org.OrganisationAdministration.UNKNOWN;
import static jp.tsunagu.org.internal.OrganisationInput.blankToNull;

import java.util.Map;

import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where a role puts a person: the section and department it needs, checked against the tables. */
@Component
class Placements {

    private final JdbcClient jdbc;
    private final OrganisationTables tables;

    Placements(JdbcClient jdbc, OrganisationTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * A section's people take its department; a department's people have no section; the city's have neither. Null
     * when the role, section or department is wrong, each problem noted in the request's input.
     */
    Placement of(OrganisationInput input, Role role, String sectionCode, String departmentCode) {
        if (role == null) {
            return input.refuse("role", REQUIRED);
        }
        String section = blankToNull(sectionCode);
        String department = blankToNull(departmentCode);
        return switch (role) {
            case STAFF, SECTION_CHIEF, CITY_COORDINATOR, EXTERNAL_PARTNER, SERVICE -> {
                if (section == null) {
                    yield input.refuse("sectionCode", REQUIRED_FOR_ROLE);
                }
                String ownDepartment = jdbc.sql("select department_code from section where code = ?").param(section)
                        .query(String.class).optional().orElse(null);
                yield ownDepartment == null ? input.refuse("sectionCode", UNKNOWN)
                        : new Placement(role, section, ownDepartment);
            }
            case DEPARTMENT_HEAD, DEPARTMENT_COORDINATOR -> {
                if (section != null) {
                    input.refuse("sectionCode", NOT_FOR_ROLE);
                }
                String known = tables.knownDepartment(input, department, REQUIRED_FOR_ROLE);
                yield section != null || known == null ? null : new Placement(role, null, known);
            }
            case AUDITOR, ADMIN -> {
                if (section != null) {
                    input.refuse("sectionCode", NOT_FOR_ROLE);
                }
                if (department != null) {
                    input.refuse("departmentCode", NOT_FOR_ROLE);
                }
                yield section != null || department != null ? null : new Placement(role, null, null);
            }
        };
    }

    record Placement(Role role, String sectionCode, String departmentCode) {

        /** Adds the role and whichever codes it has to an audit event's details, each name after the prefix. */
        void describe(String prefix, Map<String, Object> details) {
            details.put(prefix + "role", role.name());
            if (sectionCode != null) {
                details.put(prefix + "sectionCode", sectionCode);
            }
            if (departmentCode != null) {
                details.put(prefix + "departmentCode", departmentCode);
            }
        }
    }
}
