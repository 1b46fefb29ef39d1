package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Directory sign-in against an in-memory LDAP server (UnboundID): groups map to Tsunagu's roles and sections, and the
 * local accounts keep working beside it.
 */
@AutoConfigureMockMvc
class DirectorySignInTest extends AbstractIntegrationTest {

    static final String BASE = "dc=kokubunji,dc=example";
    static InMemoryDirectoryServer directory;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("test", 0));
        config.setSchema(null);
        directory = new InMemoryDirectoryServer(config);
        try (LDIFReader ldif = new LDIFReader(DirectorySignInTest.class.getResourceAsStream("/ldap/directory.ldif"))) {
            directory.importFromLDIF(true, ldif);
        }
        directory.startListening();
        registry.add("tsunagu.ldap.enabled", () -> "true");
        registry.add("tsunagu.ldap.url", () -> "ldap://localhost:" + directory.getListenPort() + "/" + BASE);
        registry.add("tsunagu.ldap.group-mappings.[tsunagu-keizai-staff]", () -> "STAFF@keizai");
    }

    @AfterAll
    static void stop() {
        directory.shutDown(true);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void directoryGroupsBecomeTsunaguRolesAndLocalAccountsStillWork() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("yoshida", "directory-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("STAFF"))
                .andExpect(jsonPath("$.section").value("keizai"))
                .andExpect(jsonPath("$.department").value("shimin-seikatsu"))
                .andExpect(jsonPath("$.displayName").value("Yoshida Kazuko"));
        mvc.perform(post("/api/issues").with(httpBasic("yoshida", "directory-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title": "商店街の照明", "description": "街路灯の故障", "category": "FACILITY",
                                 "severity": "LOW", "sectionCode": "keizai", "relatedSections": [], "personalInfo": false}"""))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from person where username = 'yoshida' and password_hash is null and role = 'STAFF'")
                .query(Long.class).single()).as("provisioned, and the directory keeps the password").isEqualTo(1);
        assertThat(jdbc.sql("select mail_address from person where username = 'yoshida'").query(String.class).single())
                .as("the directory's mail attribute").isEqualTo("k.yoshida@city.example.lg.jp");

        mvc.perform(get("/api/me").with(httpBasic("yoshida", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("outsider", "directory-secret"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("sato", "demo"))).andExpect(status().isOk());
    }

    @Test
    void aPersonAnAdministratorDisabledStaysOutThoughTheDirectoryStillKnowsThem() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("yoshida", "directory-secret"))).andExpect(status().isOk());
        mvc.perform(post("/admin/organisation/people/yoshida/disable").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));

        mvc.perform(get("/api/me").with(httpBasic("yoshida", "directory-secret"))).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select enabled from person where username = 'yoshida'").query(Boolean.class).single())
                .as("still disabled").isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'yoshida' and action = 'LOGIN_FAILED'")
                .query(Long.class).single()).isPositive();

        mvc.perform(post("/admin/organisation/people/yoshida/enable").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").with(httpBasic("yoshida", "directory-secret"))).andExpect(status().isOk());
    }

    /**
     * A directory finds a name whatever its case, so "Yoshida" binds as yoshida. It must stay the one person: else
     * a disabled person signs in again as a new, enabled row, and a chief approves their own request as "SUZUKI".
     */
    @Test
    void theNameIsTheSamePersonWhateverItsCase() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("yoshida", "directory-secret"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic("YoShida", "directory-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("yoshida"));

        mvc.perform(post("/admin/organisation/people/yoshida/disable").with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));
        try {
            mvc.perform(get("/api/me").with(httpBasic("Yoshida", "directory-secret")))
                    .andExpect(status().isUnauthorized());
        } finally {
            mvc.perform(post("/admin/organisation/people/yoshida/enable").with(user("admin").roles("ADMIN"))
                    .with(csrf())).andExpect(redirectedUrl("/admin/organisation"));
        }
        assertThat(jdbc.sql("select count(*) from person where lower(username) like '%yoshida%'")
                .query(Long.class).single()).as("one person").isEqualTo(1);
    }

    /** A mistyped directory password is a bad password, not a disabled account, in the trail the auditors read. */
    @Test
    void aWrongDirectoryPasswordIsAuditedAsBadCredentials() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("yoshida", "directory-secret"))).andExpect(status().isOk());
        long before = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        mvc.perform(get("/api/me").with(httpBasic("yoshida", "mistyped"))).andExpect(status().isUnauthorized());

        assertThat(jdbc.sql("""
                        select details from audit_event
                        where actor = 'yoshida' and action = 'LOGIN_FAILED' and seq > ?""")
                .param(before).query(String.class).list())
                .singleElement().asString().contains("BAD_CREDENTIALS").doesNotContain("DISABLED");
    }
}
