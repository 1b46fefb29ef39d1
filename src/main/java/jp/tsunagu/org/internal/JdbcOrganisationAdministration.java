package jp.tsunagu.org.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.OrganisationAdministration;
import jp.tsunagu.org.OrganisationUnitRemoved;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation tables written with plain SQL; each change and its audit event commit together. */
@Service
@Transactional
class JdbcOrganisationAdministration implements OrganisationAdministration {

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");
    private static final int MAX_NAME = 200;
    private static final int MIN_PASSWORD = 8;
    /** In bytes of UTF-8: bcrypt refuses a longer password rather than ignore its end. */
    private static final int MAX_PASSWORD_BYTES = 72;
    /** The column's width; the directory's addresses are held to it too. */
    static final int MAX_MAIL = 254;
    /** One @, a dot in the domain, no spaces: what an SMTP server can be given, not the whole of RFC 5322. */
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final String ENTRY_COLUMNS =
            "username, display_name, role, section_code, department_code, enabled, mail_address";
    private static final RowMapper<PersonEntry> ENTRY = (rs, i) -> new PersonEntry(new Person(rs.getString("username"),
            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("section_code"),
            rs.getString("department_code")), rs.getBoolean("enabled"), rs.getString("mail_address"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail auditTrail;
    private final JdbcApiTokens apiTokens;
    private final ApplicationEventPublisher events;

    JdbcOrganisationAdministration(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditTrail auditTrail,
            JdbcApiTokens apiTokens, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.auditTrail = auditTrail;
        this.apiTokens = apiTokens;
        this.events = events;
    }

    @Override
    public void addDepartment(String code, String nameJa, String nameEn) {
        String c = code("code", code);
        String ja = name("nameJa", nameJa);
        String en = name("nameEn", nameEn);
        if (exists("select count(*) from department where code = ?", c)) {
            throw new InvalidInputException("code", TAKEN);
        }
        insert("code", () -> jdbc.sql("insert into department (code, name_ja, name_en) values (?, ?, ?)")
                .params(c, ja, en).update());
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "department added", "code", c, "nameJa", ja, "nameEn", en));
    }

    @Override
    public void addSection(String departmentCode, String code, String nameJa, String nameEn) {
        String department = knownDepartment(departmentCode);
        String c = code("code", code);
        String ja = name("nameJa", nameJa);
        String en = name("nameEn", nameEn);
        if (exists("select count(*) from section where code = ?", c)) {
            throw new InvalidInputException("code", TAKEN);
        }
        insert("code", () -> jdbc.sql("insert into section (code, department_code, name_ja, name_en) values (?, ?, ?, ?)")
                .params(c, department, ja, en).update());
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "section added", "code", c,
                "departmentCode", department, "nameJa", ja, "nameEn", en));
    }

    @Override
    public void renameDepartment(String code, String nameJa, String nameEn) {
        rename("department", code, nameJa, nameEn);
    }

    @Override
    public void renameSection(String code, String nameJa, String nameEn) {
        rename("section", code, nameJa, nameEn);
    }

    private void rename(String table, String code, String nameJa, String nameEn) {
        String c = code == null ? "" : code;
        Names before = names(table, c);
        Names after = new Names(name("nameJa", nameJa), name("nameEn", nameEn));
        if (after.equals(before)) {
            return;
        }
        jdbc.sql("update " + table + " set name_ja = ?, name_en = ? where code = ?")
                .params(after.ja(), after.en(), c).update();
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", table + " renamed", "code", c,
                "before.nameJa", before.ja(), "before.nameEn", before.en(), "nameJa", after.ja(), "nameEn", after.en()));
    }

    @Override
    public void removeDepartment(String code) {
        String c = code == null ? "" : code;
        Names names = names("department", c);
        if (exists("select count(*) from section where department_code = ?", c)
                || exists("select count(*) from person where department_code = ?", c)) {
            throw new InvalidInputException("code", IN_USE);
        }
        remove("department", c, names);
        events.publishEvent(new OrganisationUnitRemoved(OrganisationUnitRemoved.Kind.DEPARTMENT, c));
    }

    @Override
    public void removeSection(String code) {
        String c = code == null ? "" : code;
        Names names = names("section", c);
        if (exists("select count(*) from person where section_code = ?", c)
                || exists("select count(*) from department where lead_section_code = ?", c)) {
            throw new InvalidInputException("code", IN_USE);
        }
        remove("section", c, names);
        apiTokens.withdrawSection(c);
        events.publishEvent(new OrganisationUnitRemoved(OrganisationUnitRemoved.Kind.SECTION, c));
    }

    /**
     * The issues' references (owning and related sections, departments) are the issue module's: their foreign keys
     * refuse the delete, as they do a row that gains a reference between the checks above and the delete.
     */
    private void remove(String table, String code, Names names) {
        try {
            jdbc.sql("delete from " + table + " where code = ?").param(code).update();
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("code", IN_USE);
        }
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", table + " removed", "code", code,
                "nameJa", names.ja(), "nameEn", names.en()));
    }

    /** The table is one of two constants, never the caller's text. */
    private Names names(String table, String code) {
        return jdbc.sql("select name_ja, name_en from " + table + " where code = ?").param(code)
                .query((rs, i) -> new Names(rs.getString("name_ja"), rs.getString("name_en")))
                .optional()
                .orElseThrow(() -> new InvalidInputException("code", UNKNOWN));
    }

    @Override
    public void addPerson(NewPerson person) {
        String username = code("username", person.username());
        String displayName = name("displayName", person.displayName());
        String mailAddress = mailAddress(person.mailAddress());
        Placement placement = placement(person.role(), person.sectionCode(), person.departmentCode());
        String hash = null;
        String password = person.initialPassword() == null ? "" : person.initialPassword();
        if (placement.role() == Role.SERVICE) {
            if (!password.isEmpty()) {
                throw new InvalidInputException("password", NOT_FOR_ROLE);
            }
        } else if (password.length() < MIN_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInputException("password", PASSWORD_LENGTH);
        } else {
            hash = passwordEncoder.encode(password);
        }
        if (exists("select count(*) from person where username = ?", username)) {
            throw new InvalidInputException("username", TAKEN);
        }
        String passwordHash = hash;
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
        details.put("initialPassword", hash != null);
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, details);
    }

    @Override
    public boolean changePlacement(String username, Role role, String sectionCode, String departmentCode) {
        PersonEntry entry = entry(username);
        Person before = entry.person();
        Placement after = placement(role, sectionCode, departmentCode);
        if (after.equals(new Placement(before.role(), before.sectionCode(), before.departmentCode()))) {
            return false;
        }
        if (after.role() != Role.ADMIN) {
            keepAnAdministrator(entry);
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

    @Override
    public void changeNameAndMailAddress(String username, String displayName, String mailAddress) {
        PersonEntry before = entry(username);
        String name = name("displayName", displayName);
        String mail = mailAddress(mailAddress);
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

    @Override
    public boolean setEnabled(String username, boolean enabled) {
        PersonEntry entry = entry(username);
        if (entry.enabled() == enabled) {
            return false;
        }
        if (!enabled) {
            keepAnAdministrator(entry);
        }
        Person person = entry.person();
        jdbc.sql("update person set enabled = ? where username = ?").params(enabled, person.username()).update();
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", enabled ? "person enabled" : "person disabled", "username", person.username()));
        return true;
    }

    /**
     * Refuses to disable or demote the signed-in administrator's own account, or the last enabled administrator, so
     * that the city cannot lock itself out. The enabled administrators are locked first: two administrators disabling
     * each other at the same moment cannot both succeed.
     */
    private void keepAnAdministrator(PersonEntry target) {
        String username = target.person().username();
        Authentication actor = SecurityContextHolder.getContext().getAuthentication();
        if (actor != null && username.equals(actor.getName())) {
            throw new InvalidInputException("username", OWN_ACCOUNT);
        }
        if (target.person().role() != Role.ADMIN || !target.enabled()) {
            return;
        }
        List<String> admins = jdbc.sql("select username from person where role = ? and enabled for update")
                .param(Role.ADMIN.name()).query(String.class).list();
        if (admins.stream().noneMatch(admin -> !admin.equals(username))) {
            throw new InvalidInputException("username", LAST_ADMIN);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<PersonEntry> everyone() {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from person order by username").query(ENTRY).list();
    }

    /** The section and department the role needs, checked against the tables. */
    private Placement placement(Role role, String sectionCode, String departmentCode) {
        if (role == null) {
            throw new InvalidInputException("role", REQUIRED);
        }
        String section = blankToNull(sectionCode);
        String department = blankToNull(departmentCode);
        return switch (role) {
            case STAFF, SECTION_CHIEF, CITY_COORDINATOR, EXTERNAL_PARTNER, SERVICE -> {
                if (section == null) {
                    throw new InvalidInputException("sectionCode", REQUIRED);
                }
                String ownDepartment = jdbc.sql("select department_code from section where code = ?").param(section)
                        .query(String.class).optional()
                        .orElseThrow(() -> new InvalidInputException("sectionCode", UNKNOWN));
                yield new Placement(role, section, ownDepartment);
            }
            case DEPARTMENT_HEAD, DEPARTMENT_COORDINATOR -> {
                if (section != null) {
                    throw new InvalidInputException("sectionCode", NOT_FOR_ROLE);
                }
                yield new Placement(role, null, knownDepartment(department));
            }
            case AUDITOR, ADMIN -> {
                if (section != null) {
                    throw new InvalidInputException("sectionCode", NOT_FOR_ROLE);
                }
                if (department != null) {
                    throw new InvalidInputException("departmentCode", NOT_FOR_ROLE);
                }
                yield new Placement(role, null, null);
            }
        };
    }

    private String knownDepartment(String departmentCode) {
        String department = blankToNull(departmentCode);
        if (department == null) {
            throw new InvalidInputException("departmentCode", REQUIRED);
        }
        if (!exists("select count(*) from department where code = ?", department)) {
            throw new InvalidInputException("departmentCode", UNKNOWN);
        }
        return department;
    }

    private Person person(String username) {
        return entry(username).person();
    }

    private PersonEntry entry(String username) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from person where username = ?")
                .param(username == null ? "" : username).query(ENTRY).optional()
                .orElseThrow(() -> new InvalidInputException("username", UNKNOWN));
    }

    private boolean exists(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single() > 0;
    }

    /** A concurrent insert of the same key loses on the primary key; it is the same refusal as the check before. */
    private static void insert(String field, Runnable insert) {
        try {
            insert.run();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(field, TAKEN);
        }
    }

    private static String code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new InvalidInputException(field, CODE_FORMAT);
        }
        return value;
    }

    private static String name(String field, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > MAX_NAME) {
            throw new InvalidInputException(field, NAME_LENGTH);
        }
        return text;
    }

    /** Blank is no address. */
    private static String mailAddress(String value) {
        String text = blankToNull(value);
        if (text != null && (text.length() > MAX_MAIL || !MAIL.matcher(text).matches())) {
            throw new InvalidInputException("mailAddress", MAIL_FORMAT);
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private record Names(String ja, String en) {
    }

    private record Placement(Role role, String sectionCode, String departmentCode) {

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
