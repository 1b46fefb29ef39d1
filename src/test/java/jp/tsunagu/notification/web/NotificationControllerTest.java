package jp.tsunagu.notification.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;

import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.notification.DeliveryMode;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(NotificationController.class)
@WithMockUser("sato")
class NotificationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InAppNotifications notifications;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsSato() {
        given(currentUser.require()).willReturn(SATO);
    }

    @Test
    void listsTheCallersNotificationsWithTheUnreadCount() throws Exception {
        given(notifications.list(SATO, 0, 20)).willReturn(new InAppNotifications.Page(List.of(
                new InAppNotifications.Item(7, NotificationEvent.ISSUE_RESOLVED, "i-1", "2026-000001", "SECTION",
                        "あなたが登録した課題が解決しました", "An issue you raised has been resolved", "/issues/i-1",
                        OffsetDateTime.parse("2026-06-10T10:00:00+09:00"), false)), 1, 1));
        mvc.perform(get("/api/notifications"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.items[0].event").value("ISSUE_RESOLVED"))
                .andExpect(jsonPath("$.items[0].link").value("/issues/i-1"));
    }

    @Test
    void marksOneAsRead() throws Exception {
        mvc.perform(post("/api/notifications/7/read").with(csrf())).andExpect(status().isNoContent());
        verify(notifications).markRead(7, SATO);
    }

    @Test
    void somebodyElsesNotificationIsNotFound() throws Exception {
        willThrow(new NotFoundException("no such notification")).given(notifications).markRead(8, SATO);
        mvc.perform(post("/api/notifications/8/read").with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void choosesTheDailyDigest() throws Exception {
        mvc.perform(put("/api/me/notification-preference").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"DAILY_DIGEST\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mode").value("DAILY_DIGEST"));
        verify(notifications).choose(SATO, DeliveryMode.DAILY_DIGEST);
    }

    @Test
    void anUnknownModeIsBadInput() throws Exception {
        mvc.perform(put("/api/me/notification-preference").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\": \"HOURLY\"}"))
                .andExpect(status().isBadRequest());
    }
}
