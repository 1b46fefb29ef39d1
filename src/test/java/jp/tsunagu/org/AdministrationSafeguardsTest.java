package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The city cannot lock itself out, and a change that changes nothing is not recorded as one. */
@AutoConfigureMockMvc
class AdministrationSafeguardsTest extends AbstractIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganisationAdministration administration;

    @Test
    void anAdministratorMayNeitherDisableNorDemoteTheirOwnAccount() throws Exception {
        long audit = auditCount();

        mvc.perform(post("/admin/organisation/people/admin/disable").with(admin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ご自身のアカウントを無効にしたり")));
        mvc.perform(post("/admin/organisation/placement").with(admin()).with(csrf())
                        .param("username", "admin").param("role", "AUDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ご自身のアカウントを無効にしたり")));

        assertThat(jdbc.sql("select role || ':' || enabled from person where username = 'admin'")
                .query(String.class).single()).isEqualToIgnoringCase("ADMIN:true");
        assertThat(auditCount()).isEqualTo(audit);
    }

    /** Another administrator (not in the person table, so called on the service) and only one enabled ADMIN left. */
    @Test
    @Transactional
    @WithMockUser(username = "kanri-acting", roles = "ADMIN")
    void theLastEnabledAdministratorCanBeNeitherDisabledNorDemoted() {
        jdbc.sql("update person set enabled = false where role = 'ADMIN' and username <> 'admin'").update();
        long audit = auditCount();

        assertThatThrownBy(() -> administration.setEnabled("admin", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p.message())
                                .isEqualTo(OrganisationAdministration.LAST_ADMIN)));
        assertThatThrownBy(() -> administration.changePlacement("admin", Role.AUDITOR, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(OrganisationAdministration.LAST_ADMIN);

        assertThat(jdbc.sql("select role || ':' || enabled from person where username = 'admin'")
                .query(String.class).single()).isEqualToIgnoringCase("ADMIN:true");
        assertThat(auditCount()).isEqualTo(audit);
    }

    @Test
    void disablingADisabledPersonOrGivingTheSameRoleChangesAndAuditsNothing() throws Exception {
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "onaji-nakamura").param("displayName", "中村 亮").param("role", "STAFF")
                        .param("sectionCode", "shimin-ka").param("password", "Kokubunji-2026!"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/people/onaji-nakamura/disable").with(admin()).with(csrf()))
                .andExpect(flash().attribute("successKey", "admin.org.person.disabled"));
        long audit = auditCount();

        mvc.perform(post("/admin/organisation/people/onaji-nakamura/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"))
                .andExpect(flash().attribute("successKey", "admin.org.nothingChanged"));
        mvc.perform(post("/admin/organisation/placement").with(admin()).with(csrf())
                        .param("username", "onaji-nakamura").param("role", "STAFF").param("sectionCode", "shimin-ka"))
                .andExpect(redirectedUrl("/admin/organisation"))
                .andExpect(flash().attribute("successKey", "admin.org.nothingChanged"));

        assertThat(auditCount()).isEqualTo(audit);
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
