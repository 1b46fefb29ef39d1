package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.IN_USE;
import static jp.tsunagu.org.OrganisationAdministration.TAKEN;
import static jp.tsunagu.org.OrganisationAdministration.UNKNOWN;
import static jp.tsunagu.org.internal.OrganisationInput.code;
import static jp.tsunagu.org.internal.OrganisationInput.name;
import static jp.tsunagu.org.internal.OrganisationTables.insert;

import java.util.Map;

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
        String c = code("code", code);
        String ja = name("nameJa", nameJa);
        String en = name("nameEn", nameEn);
        if (tables.exists("select count(*) from department where code = ?", c)) {
            throw new InvalidInputException("code", TAKEN);
        }
        insert("code", () -> jdbc.sql("insert into department (code, name_ja, name_en) values (?, ?, ?)")
                .params(c, ja, en).update());
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null,
                Map.of("what", "department added", "code", c, "nameJa", ja, "nameEn", en));
    }

    void addSection(String departmentCode, String code, String nameJa, String nameEn) {
        String department = tables.knownDepartment(departmentCode);
        String c = code("code", code);
        String ja = name("nameJa", nameJa);
        String en = name("nameEn", nameEn);
        if (tables.exists("select count(*) from section where code = ?", c)) {
            throw new InvalidInputException("code", TAKEN);
        }
        insert("code", () -> jdbc.sql("insert into section (code, department_code, name_ja, name_en) values (?, ?, ?, ?)")
                .params(c, department, ja, en).update());
        auditTrail.record(AuditAction.ADMINISTRATION_CHANGED, null, Map.of("what", "section added", "code", c,
                "departmentCode", department, "nameJa", ja, "nameEn", en));
    }

    void renameDepartment(String code, String nameJa, String nameEn) {
        rename("department", code, nameJa, nameEn);
    }

    void renameSection(String code, String nameJa, String nameEn) {
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

    /** The table is one of two constants, never the caller's text. */
    private Names names(String table, String code) {
        return jdbc.sql("select name_ja, name_en from " + table + " where code = ?").param(code)
                .query((rs, i) -> new Names(rs.getString("name_ja"), rs.getString("name_en")))
                .optional()
                .orElseThrow(() -> new InvalidInputException("code", UNKNOWN));
    }

    private record Names(String ja, String en) {
    }
}
