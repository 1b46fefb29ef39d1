package jp.tsunagu.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The page header counts a person's unread notifications; the お知らせ page lists them and marks them read. */
@AutoConfigureMockMvc
class NotificationPagesTest extends AbstractIntegrationTest {

    static final Pattern UNREAD = Pattern.compile("お知らせ（未読 (\\d+)件）");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewTaskShowsInTheHeaderAndIsMarkedReadOnTheNotificationsPage() throws Exception {
        long before = unread();
        String id = new Api(mvc).as("sato").raise("""
                {"title": "お知らせ確認", "description": "新しい受付タスク", "category": "OTHER", "severity": "LOW",
                 "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""");
        assertThat(unread()).isGreaterThan(before);

        String page = page("/notifications");
        assertThat(page).contains("/issues/" + id);
        Matcher form = Pattern.compile("/notifications/(\\d+)/read").matcher(page);
        assertThat(form.find()).isTrue();
        long unreadBeforeReading = unread();
        mvc.perform(post("/notifications/" + form.group(1) + "/read").with(suzuki()).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(unread()).isEqualTo(unreadBeforeReading - 1);
        assertThat(page("/notifications?lang=en")).contains("Notifications (");
    }

    @Test
    void allAreMarkedReadAtOnceAndOlderOnesAreOnTheNextPage() throws Exception {
        Api api = new Api(mvc);
        for (int i = 0; i < NotificationPageController.PAGE_SIZE + 1; i++) {
            api.as("sato").raise("""
                    {"title": "ページ送り %d", "description": "説明", "category": "OTHER", "severity": "LOW",
                     "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""".formatted(i));
        }
        String first = page("/notifications");
        assertThat(first).contains("href=\"/notifications?page=1\" id=\"next-page-link\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(page("/notifications?page=1"))
                .contains("href=\"/notifications?page=0\" id=\"previous-page-link\" rel=\"prev\"");
        assertThat(unread()).isGreaterThan(NotificationPageController.PAGE_SIZE);

        mvc.perform(post("/notifications/read-all").with(suzuki()).with(csrf()))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("successKey", "notifications.allRead"));

        assertThat(unread()).isZero();
        assertThat(page("/notifications")).doesNotContain("id=\"read-all\"");
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndANegativePageIsRefusedByItsName() throws Exception {
        Api api = new Api(mvc);
        api.as("suzuki").get("/api/notifications?page=2147483647")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());
        api.as("suzuki").get("/api/notifications?page=-1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        api.as("suzuki").get("/api/notifications?size=101")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        api.as("sato").raise("""
                {"title": "ページの先", "description": "説明", "category": "OTHER", "severity": "LOW",
                 "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""");
        mvc.perform(get("/notifications?page=2147483647").with(suzuki()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("このページに表示するお知らせはありません。")))
                .andExpect(content().string(containsString("id=\"last-page-link\"")))
                .andExpect(content().string(not(containsString("rel=\"prev\""))))
                .andExpect(content().string(not(containsString("page=-"))));
    }

    @Test
    void aNotificationThatIsNotTheReadersIsNotFoundAsANotification() throws Exception {
        mvc.perform(post("/notifications/999999999/read").with(suzuki()).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("お探しのお知らせは見つからないか、あなた宛てのお知らせではありません。")))
                .andExpect(content().string(not(containsString("お探しの課題"))));
    }

    @Test
    void aPersonChoosesADailyDigestOnThePageAndTheChangeIsAudited() throws Exception {
        Api api = new Api(mvc);
        long auditedBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        assertThat(page("/notifications")).containsPattern("id=\"mode-INSTANT\"[^>]*checked");
        try {
            mvc.perform(post("/notifications/preference").with(suzuki()).with(csrf()).param("mode", "DAILY_DIGEST"))
                    .andExpect(redirectedUrl("/notifications"))
                    .andExpect(flash().attribute("successKey", "notifications.preference.saved"));
            api.as("suzuki").get("/api/me/notification-preference")
                    .andExpect(jsonPath("$.mode").value("DAILY_DIGEST"));
            assertThat(page("/notifications")).containsPattern("id=\"mode-DAILY_DIGEST\"[^>]*checked");

            mvc.perform(post("/notifications/preference").with(suzuki()).with(csrf()).param("mode", "DAILY_DIGEST"));
            mvc.perform(post("/notifications/preference").with(suzuki()).with(csrf()).param("mode", "WEEKLY"))
                    .andExpect(flash().attribute("errorKey", "notifications.preference.error"));
            api.as("suzuki").get("/api/me/notification-preference")
                    .andExpect(jsonPath("$.mode").value("DAILY_DIGEST"));
            assertThat(jdbc.sql("""
                    select details from audit_event where actor = 'suzuki' and action = 'PREFERENCE_CHANGED'
                      and seq > ?""").param(auditedBefore).query(String.class).list())
                    .as("one change; choosing the same again is none").singleElement().asString()
                    .contains("\"before\":\"INSTANT\"", "\"mode\":\"DAILY_DIGEST\"");
        } finally {
            mvc.perform(post("/notifications/preference").with(suzuki()).with(csrf()).param("mode", "INSTANT"));
        }
    }

    private long unread() throws Exception {
        Matcher matcher = UNREAD.matcher(page("/tasks"));
        assertThat(matcher.find()).as("the header shows the unread count").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(suzuki())).andReturn().getResponse().getContentAsString();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor suzuki() {
        return user("suzuki").roles("SECTION_CHIEF");
    }
}
