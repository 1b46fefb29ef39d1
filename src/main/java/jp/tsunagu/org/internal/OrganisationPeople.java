package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.TAKEN;
import static jp.tsunagu.org.OrganisationAdministration.UNKNOWN;
import static jp.tsunagu.org.internal.OrganisationTables.insert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.OrganisationAdministration.NewPerson;
import jp.tsunagu.org.OrganisationAdministration.PersonEntry;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.org.internal.Placements.Placement;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * People added and changed by the administrator, each change with its audit event (never with a password). Runs in
 * the transaction of {@link JdbcOrganisationAdministration}.
 */
@Component
class OrganisationPeople {

    private static final String ENTRY_COLUMNS =
            "username, display_name, role, section_code, department_code, enabled, mail_address";
    private static final RowMapper<PersonEntry> ENTRY = (rs, i) -> new PersonEntry(new Person(rs.getString("username"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("section_code"),
            rs.getString("department_code")), rs.getBoolean("enabled"), rs.getString("mail_address"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail auditTrail;
    private final JdbcApiTokens apiTokens;
    private final OrganisationTables tables;
    private final Placements placements;
    private final AdministratorGuard administratorGuard;

    OrganisationPeople(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail auditTrail, JdbcApiTokens apiTokens,
            OrganisationTables tables, Placements placements, AdministratorGuard administratorGuard) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.auditTrail = auditTrail;
        this.apiTokens = apiTokens;
        this.tables = tables;
        this.placements = placements;
        this.administratorGuard = administratorGuard;
    }

    void addPerson(NewPerson person) {
        OrganisationInput input = new OrganisationInput();
        String username = input.code("username", person.username());
        if (username != null && tables.exists("select count(*) from person where username = ?", username)) {
            input.refuse("username", TAKEN);
        }
        String displayName = input.name("displayName", person.displayName());
        Placement placement = placements.of(input, person.role(), person.sectionCode(), person.departmentCode());
        input.initialPassword(person.role(), person.initialPassword());
        String mailAddress = input.mailAddress(person.mailAddress());
        input.refuseIfWrong();
        // Hashed only now: bcrypt is slow on purpose, and a refused form needs no hash.
        String passwordHash = person.role() == Role.SERVICE ? null : passwordEncoder.encode(person.initialPassword());
        insert("username", () -> jdbc.sql("""
                insert into person (username, display_name, password_hash, role, section_code, department_code, enabled,
                    mail_address)
                values (?, ?, ?, ?, ?, ?, true, ?)""")
                .params(username, displayName, passwordHash, placement.role().name(), placement.sectionCode(),
                        placement.departmentCode(), mailAddress)
                .update());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "person added");
        details.put("username", username);
        details.put("displayName", displayName);
        if (mailAddress != null) {
            details.put("mailAddress", mailAddress);
        }
        placement.describe("", details);
        details.put("initialPassword", passwordHash != null);
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
    }

    boolean changePlacement(String username, Role role, String sectionCode, String departmentCode) {
        OrganisationInput input = new OrganisationInput();
        PersonEntry entry = findEntry(username).orElseGet(() -> input.refuse("username", UNKNOWN));
        Placement after = placements.of(input, role, sectionCode, departmentCode);
        input.refuseIfWrong();
        Person before = entry.person();
        if (after.equals(new Placement(before.role(), before.sectionCode(), before.departmentCode()))) {
            return false;
        }
        if (after.role() != Role.ADMIN) {
            administratorGuard.keepAnAdministrator(entry);
        }
        jdbc.sql("update person set role = ?, section_code = ?, department_code = ? where username = ?")
                .params(after.role().name(), after.sectionCode(), after.departmentCode(), before.username())
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "person placement changed");
        details.put("username", before.username());
        new Placement(before.role(), before.sectionCode(), before.departmentCode()).describe("before.", details);
        after.describe("", details);
        // A service account signs in with API tokens only; a person signs in with a password or the directory.
        if (after.role() == Role.SERVICE && before.role() != Role.SERVICE) {
            jdbc.sql("update person set password_hash = null where username = ?").param(before.username()).update();
            details.put("passwordCleared", true);
        } else if (before.role() == Role.SERVICE && after.role() != Role.SERVICE) {
            details.put("apiTokensRevoked", apiTokens.revokeAllOf(before.username()));
        }
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
        return true;
    }

    void changeNameAndMailAddress(String username, String displayName, String mailAddress) {
        OrganisationInput input = new OrganisationInput();
        PersonEntry before = findEntry(username).orElseGet(() -> input.refuse("username", UNKNOWN));
        String name = input.name("displayName", displayName);
        String mail = input.mailAddress(mailAddress);
        input.refuseIfWrong();
        boolean renamed = !name.equals(before.person().displayName());
        boolean readdressed = !Objects.equals(mail, before.mailAddress());
        if (!renamed && !readdressed) {
            return;
        }
        // Only what changed goes to the audit trail.
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("what", "person name or mail address changed");
        details.put("username", before.person().username());
        if (renamed) {
            details.put("before.displayName", before.person().displayName());
            details.put("displayName", name);
        }
        if (readdressed) {
            details.put("before.mailAddress", before.mailAddress());
            details.put("mailAddress", mail);
        }
        jdbc.sql("update person set display_name = ?, mail_address = ? where username = ?")
                .params(name, mail, before.person().username()).update();
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
    }

    boolean setEnabled(String username, boolean enabled) {
        PersonEntry entry = entry(username);
        if (entry.enabled() == enabled) {
            return false;
        }
        if (!enabled) {
            administratorGuard.keepAnAdministrator(entry);
        }
        Person person = entry.person();
        jdbc.sql("update person set enabled = ? where username = ?").params(enabled, person.username()).update();
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", enabled ? "person enabled" : "person disabled", "username", person.username()));
        return true;
    }

    List<PersonEntry> everyone() {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from person order by username").query(ENTRY).list();
    }

    private PersonEntry entry(String username) {
        return findEntry(username).orElseThrow(() -> new InvalidInputException("username", UNKNOWN));
    }

    private Optional<PersonEntry> findEntry(String username) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from person where username = ?")
                .param(username == null ? "" : username).query(ENTRY).optional();
    }
}
