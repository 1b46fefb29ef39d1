package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.TAKEN;
import static jp.tsunagu.org.OrganisationAdministration.UNKNOWN;

import jp.tsunagu.common.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The checks against the organisation tables that both units and people need; runs in the caller's transaction. */
@Component
class OrganisationTables {

    private final JdbcClient jdbc;

    OrganisationTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param sql a {@code select count(*)} with one parameter */
    boolean exists(String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single() > 0;
    }

    /**
     * The department's code, or null with the problem noted in the request's input ({@code whenMissing} when none was
     * given).
     */
    String knownDepartment(OrganisationInput input, String departmentCode, String whenMissing) {
        String department = OrganisationInput.blankToNull(departmentCode);
        if (department == null) {
            return input.refuse("departmentCode", whenMissing);
        }
        if (!exists("select count(*) from department where code = ?", department)) {
            return input.refuse("departmentCode", UNKNOWN);
        }
        return department;
    }

    /** A concurrent insert of the same key loses on the primary key; it is the same refusal as the check before. */
    static void insert(String field, Runnable insert) {
        try {
            insert.run();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(field, TAKEN);
        }
    }
}
