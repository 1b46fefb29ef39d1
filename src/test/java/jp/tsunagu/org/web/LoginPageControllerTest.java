package jp.tsunagu.org.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The login page itself; the sign-in POST and the security headers are Spring Security's, tested in the browser. */
@WebMvcTest(LoginPageController.class)
@AutoConfigureMockMvc(addFilters = false)
class LoginPageControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void rendersInJapaneseByDefault() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"ja\"")))
                .andExpect(content().string(containsString("ユーザー名")))
                .andExpect(content().string(containsString("本文へ移動")))
                .andExpect(content().string(not(containsString("ユーザー名またはパスワードが正しくありません"))));
    }

    @Test
    void saysWhenTheCredentialsWereWrong() throws Exception {
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("ユーザー名またはパスワードが正しくありません。")))
                .andExpect(content().string(containsString("aria-describedby=\"login-error\"")));
    }

    @Test
    void switchesToEnglishAndRemembersItInACookie() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("User name")))
                .andExpect(result -> org.assertj.core.api.Assertions
                        .assertThat(result.getResponse().getCookie("tsunagu-lang").getValue()).isEqualTo("en"));
        mvc.perform(get("/login").cookie(new Cookie("tsunagu-lang", "en")))
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void theRootOpensTheTaskList() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/tasks"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theRootOpensAnAdministratorsAdministrationPages() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/admin"));
    }

    @Test
    @WithMockUser(username = "watanabe", roles = "AUDITOR")
    void theRootOpensAnAuditorsAuditTrail() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/audit"));
    }
}
