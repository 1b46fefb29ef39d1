package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * After a failed sign-in the form comes back with the user name as typed (escaped), never the password, and says
 * what went wrong as it did; it used to come back empty.
 */
@AutoConfigureMockMvc
class FailedSignInFormTest extends AbstractIntegrationTest {

    static final String TYPED = "nobody\"><b>typed</b>";
    static final String PASSWORD = "secret-typed-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheFailures() {
        jdbc.sql("delete from login_failure where username like 'nobody%'").update();
    }

    @Test
    void theFormComesBackWithTheTypedNameAndWithoutThePassword() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", TYPED).param("password", PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/login?error"));

        String page = mvc.perform(get("/login").param("error", "").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"nobody&quot;&gt;&lt;b&gt;typed&lt;/b&gt;\"", "role=\"alert\" id=\"login-error\"",
                        "aria-describedby=\"login-error\"", "autofocus")
                .doesNotContain("<b>typed</b>", PASSWORD);

        String again = mvc.perform(get("/login").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(again).as("the name is kept for the page that answers the failure only").doesNotContain("typed");
    }
}
