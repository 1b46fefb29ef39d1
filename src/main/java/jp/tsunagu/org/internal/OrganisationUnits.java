package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.IN_USE;
import static jp.tsunagu.org.OrganisationAdministration.REQUIRED;
import static jp.tsunagu.org.OrganisationAdministration.TAKEN;
import static jp.tsunagu.org.OrganisationAdministration.UNKNOWN;
import static jp.tsunagu.org.internal.OrganisationTables.insert;

import java.util.Map;
import java.util.Optional;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.OrganisationUnitRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Departments and sections added, renamed and removed, each with its audit event. A removal withdraws the section from
 * API tokens and announces {@link OrganisationUnitRemoved}, so that webhooks naming it go too. Runs in the
 * transaction of {@link JdbcOrganisationAdministration}.
 */
@Component
class OrganisationUnits {

    private final JdbcClient jdbc;
    private final OrganisationTables tables;
    private final AuditTrail auditTrail;
    private final JdbcApiTokens apiTokens;
    private final ApplicationEventPublisher events;

    OrganisationUnits(JdbcClient jdbc, OrganisationTables tables, AuditTrail auditTrail, JdbcApiTokens apiTokens,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.auditTrail = auditTrail;
        this.apiTokens = apiTokens;
        this.events = events;
    }

    void addDepartment(String code, String nameJa, String nameEn) {
        OrganisationInput input = new OrganisationInput();
        String c = newCode(input, "department", code);
        String ja = input.name("nameJa", nameJa);
        String en = input.name("nameEn", nameEn);
        input.refuseIfWrong();
        insert("code", () -> jdbc.sql("insert into department (code, name_ja, name_en) values (?, ?, ?)")
                .params(c, ja, en).update());
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "department added", "code", c, "nameJa", ja, "nameEn", en));
    }

    void addSection(String departmentCode, String code, String nameJa, String nameEn) {
        OrganisationInput input = new OrganisationInput();
        String department = tables.knownDepartment(input, departmentCode, REQUIRED);
        String c = newCode(input, "section", code);
        String ja = input.name("nameJa", nameJa);
        String en = input.name("nameEn", nameEn);
        input.refuseIfWrong();
        insert("code", () -> jdbc.sql("insert into section (code, department_code, name_ja, name_en) values (?, ?, ?, ?)")
                .params(c, department, ja, en).update());
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "section added", "code", c,
                "departmentCode", department, "nameJa", ja, "nameEn", en));
    }

    /** A well-formed code that the table does not hold yet; the table is one of two constants. */
    private String newCode(OrganisationInput input, String table, String code) {
        String c = input.code("code", code);
        if (c != null && tables.exists("select count(*) from " + table + " where code = ?", c)) {
            return input.refuse("code", TAKEN);
        }
        return c;
    }

    void renameDepartment(String code, String nameJa, String nameEn) {
        rename("department", code, nameJa, nameEn);
    }

    void renameSection(String code, String nameJa, String nameEn) {
        rename("section", code, nameJa, nameEn);
    }

    private void rename(String table, String code, String nameJa, String nameEn) {
        OrganisationInput input = new OrganisationInput();
        String c = code == null ? "" : code;
        Names before = findNames(table, c).orElseGet(() -> input.refuse("code", UNKNOWN));
        Names after = new Names(input.name("nameJa", nameJa), input.name("nameEn", nameEn));
        input.refuseIfWrong();
        if (after.equals(before)) {
            return;
        }
        jdbc.sql("update " + table + " set name_ja = ?, name_en = ? where code = ?")
                .params(after.ja(), after.en(), c).update();
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", table + " renamed", "code", c,
                "before.nameJa", before.ja(), "before.nameEn", before.en(), "nameJa", after.ja(), "nameEn", after.en()));
    }

    void removeDepartment(String code) {
        String c = code == null ? "" : code;
        Names names = names("department", c);
        if (tables.exists("select count(*) from section where department_code = ?", c)
                || tables.exists("select count(*) from person where department_code = ?", c)) {
            throw new InvalidInputException("code", IN_USE);
        }
        remove("department", c, names);
        events.publishEvent(new OrganisationUnitRemoved(OrganisationUnitRemoved.Kind.DEPARTMENT, c));
    }

    void removeSection(String code) {
        String c = code == null ? "" : code;
        Names names = names("section", c);
        if (tables.exists("select count(*) from person where section_code = ?", c)
                || tables.exists("select count(*) from department where lead_section_code = ?", c)) {
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

    private Names names(String table, String code) {
        return findNames(table, code).orElseThrow(() -> new InvalidInputException("code", UNKNOWN));
    }

    /** The table is one of two constants, never the caller's text. */
    private Optional<Names> findNames(String table, String code) {
        return jdbc.sql("select name_ja, name_en from " + table + " where code = ?").param(code)
                .query((rs, i) -> new Names(rs.getString("name_ja"), rs.getString("name_en")))
                .optional();
    }

    private record Names(String ja, String en) {
    }
}
