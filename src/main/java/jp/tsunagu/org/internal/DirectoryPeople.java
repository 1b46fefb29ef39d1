package jp.tsunagu.org.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.org.Department;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

/**
 * Turns a directory account's groups into a Tsunagu person: the first mapped group decides the role and its section
 * or department, and the account's name and mail attributes give the display name and the e-mail address. The
 * person row is created or brought up to date at every sign-in, so the directory stays the source of truth; it has no
 * password here. The directory's address is trusted as it is, if it fits the column.
 */
@Component
class DirectoryPeople {

    private static final Logger log = LoggerFactory.getLogger(DirectoryPeople.class);

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AuditTrail auditTrail;

    DirectoryPeople(JdbcClient jdbc, Organisation organisation, AuditTrail auditTrail) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.auditTrail = auditTrail;
    }

    Person provision(String username, String displayName, String mailAddress, Collection<String> groups,
            Map<String, String> mappings) {
        String mapping = groups.stream().filter(mappings::containsKey).sorted().findFirst().map(mappings::get)
                .orElseThrow(() -> new BadCredentialsException("No Tsunagu role for this directory account"));
        Person person = toPerson(username, displayName, mapping);
        String mail = mailAddress == null || mailAddress.isBlank() || mailAddress.length() > OrganisationInput.MAX_MAIL ? null
                : mailAddress.strip();
        Optional<Person> existing = organisation.findPerson(username);
        if (existing.filter(person::equals).isPresent()
                && Objects.equals(organisation.mailAddressOf(username).orElse(null), mail)) {
            return person;
        }
        if (existing.isEmpty() && jdbc.sql("select count(*) from person where username = ?").param(username)
                .query(Long.class).single() > 0) {
            // An administrator disabled this person in Tsunagu; the directory's password does not undo that.
            throw new DisabledException("Disabled in Tsunagu");
        }
        if (existing.isPresent()) {
            jdbc.sql("""
                    update person set display_name = ?, role = ?, section_code = ?, department_code = ?,
                    mail_address = ?, password_hash = null where username = ?""")
                    .params(person.displayName(), person.role().name(), person.sectionCode(), person.departmentCode(),
                            mail, username).update();
        } else {
            jdbc.sql("""
                    insert into person (username, display_name, password_hash, role, section_code, department_code,
                        mail_address)
                    values (?, ?, null, ?, ?, ?, ?)""")
                    .params(username, person.displayName(), person.role().name(), person.sectionCode(),
                            person.departmentCode(), mail).update();
        }
        auditTrail.record(username, AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what",
                "person provisioned from the directory", "role", person.role().name(), "scope", mapping));
        return person;
    }

    private Person toPerson(String username, String displayName, String mapping) {
        String[] parts = mapping.split("@", 2);
        Role role;
        try {
            role = Role.valueOf(parts[0].trim());
        } catch (IllegalArgumentException e) {
            log.error("tsunagu.ldap.group-mappings names an unknown role: {}", mapping);
            throw new BadCredentialsException("Directory mapping is misconfigured");
        }
        String scope = parts.length > 1 ? parts[1].trim() : null;
        Optional<Section> section = scope == null ? Optional.empty() : organisation.findSection(scope);
        Optional<Department> department = section.isPresent()
                ? organisation.findDepartment(section.get().departmentCode())
                : scope == null ? Optional.empty() : organisation.findDepartment(scope);
        if (scope != null && section.isEmpty() && department.isEmpty()) {
            log.error("tsunagu.ldap.group-mappings names an unknown section or department: {}", mapping);
            throw new BadCredentialsException("Directory mapping is misconfigured");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName;
        return new Person(username, name, role, section.map(Section::code).orElse(null),
                department.map(Department::code).orElse(null));
    }
}
