package jp.tsunagu.org.internal;

import static jp.tsunagu.org.OrganisationAdministration.LAST_ADMIN;
import static jp.tsunagu.org.OrganisationAdministration.OWN_ACCOUNT;

import java.util.List;

import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.org.OrganisationAdministration.PersonEntry;
import jp.tsunagu.org.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Keeps the city from locking itself out of administration. */
@Component
class AdministratorGuard {

    private final JdbcClient jdbc;

    AdministratorGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Refuses to disable or demote the signed-in administrator's own account, or the last enabled administrator, so
     * that the city cannot lock itself out. The enabled administrators are locked first: two administrators disabling
     * each other at the same moment cannot both succeed, as long as the caller holds the transaction until its change
     * is written.
     */
    void keepAnAdministrator(PersonEntry target) {
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
}
