package jp.tsunagu.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The page header counts a person's unread notifications; the お知らせ page lists them and marks them read. */
@AutoConfigureMockMvc
class NotificationPagesTest extends AbstractIntegrationTest {

    static final Pattern UNREAD = Pattern.compile("お知らせ（未読 (\\d+)件）");

    @Autowired
    MockMvc mvc;

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
