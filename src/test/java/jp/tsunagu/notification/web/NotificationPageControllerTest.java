package jp.tsunagu.notification.web;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;

import jp.tsunagu.common.NotFoundException;
import jp.tsunagu.common.web.Pager;
import jp.tsunagu.notification.DeliveryMode;
import jp.tsunagu.notification.InAppNotifications;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.org.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(NotificationPageController.class)
@WithMockUser(username = "sato", roles = "STAFF")
class NotificationPageControllerTest {

    static final InAppNotifications.Item RESOLVED = new InAppNotifications.Item(7, NotificationEvent.ISSUE_RESOLVED,
            "i-1", "2026-000001", "SECTION", "あなたが登録した課題が解決しました", "An issue you raised has been resolved",
            "/issues/i-1", OffsetDateTime.parse("2026-06-10T10:00:00+09:00"), false);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    InAppNotifications notifications;

    @MockitoBean
    CurrentUser currentUser;

    @BeforeEach
    void signedInAsSato() {
        given(currentUser.require()).willReturn(SATO);
        given(notifications.preference(SATO)).willReturn(DeliveryMode.DAILY_DIGEST);
        given(notifications.list(any(), anyInt(), anyInt())).willReturn(new InAppNotifications.Page(List.of(), 0, 0));
    }

    @Test
    void listsTheCallersNotificationsWithAButtonForEachUnreadOneAndTheirMailPreference() throws Exception {
        given(notifications.list(SATO, 0, NotificationPageController.PAGE_SIZE))
                .willReturn(new InAppNotifications.Page(List.of(RESOLVED), 1, 1));

        mvc.perform(get("/notifications"))
                .andExpect(status().isOk())
                .andExpect(view().name("notifications"))
                .andExpect(model().attribute("pager", new Pager(1, 1, 1, null, null, null)))
                .andExpect(content().string(allOf(containsString("あなたが登録した課題が解決しました"),
                        containsString("action=\"/notifications/7/read\""), containsString("未読 1件 / 全 1件"),
                        containsString("すべて既読にする（未読 1件）"),
                        containsString("id=\"mode-DAILY_DIGEST\" value=\"DAILY_DIGEST\" checked"))));
    }

    @Test
    void readsInEnglish() throws Exception {
        given(notifications.list(SATO, 0, NotificationPageController.PAGE_SIZE))
                .willReturn(new InAppNotifications.Page(List.of(RESOLVED), 1, 1));

        mvc.perform(get("/notifications").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("<html lang=\"en\">"),
                        containsString("An issue you raised has been resolved"), containsString("1 unread of 1"),
                        containsString("Once a day, in one digest"),
                        not(containsString("あなたが登録した課題が解決しました")))));
    }

    @Test
    void aMiddlePageLinksToNewerAndOlderOnes() throws Exception {
        given(notifications.list(SATO, 1, 50)).willReturn(new InAppNotifications.Page(List.of(RESOLVED), 101, 0));

        mvc.perform(get("/notifications").param("page", "1"))
                .andExpect(model().attribute("pager",
                        new Pager(101, 51, 51, "/notifications?page=0", "/notifications?page=2", null)))
                .andExpect(content().string(allOf(containsString("<nav class=\"pager\" aria-label=\"お知らせのページ送り\">"),
                        containsString("href=\"/notifications?page=0\" id=\"previous-page-link\" rel=\"prev\">新しいお知らせ</a>"),
                        containsString("href=\"/notifications?page=2\" id=\"next-page-link\" rel=\"next\">以前のお知らせ</a>"))));
    }

    @Test
    void thePageThatEndsExactlyAtTheTotalHasNoOlderLink() throws Exception {
        given(notifications.list(SATO, 1, 50))
                .willReturn(new InAppNotifications.Page(Collections.nCopies(50, RESOLVED), 100, 0));

        mvc.perform(get("/notifications").param("page", "1"))
                .andExpect(model().attribute("pager", new Pager(100, 51, 100, "/notifications?page=0", null, null)));
    }

    /**
     * An old link (a notification read and gone from a later page is still there, but a page number typed by hand
     * need not be) shows nothing, says so, and leads to the last page rather than to the one before it.
     */
    @Test
    void aPagePastTheLastSaysSoAndLeadsToTheLastPage() throws Exception {
        given(notifications.list(SATO, 7, 50)).willReturn(new InAppNotifications.Page(List.of(), 101, 3));

        mvc.perform(get("/notifications").param("page", "7"))
                .andExpect(model().attribute("pager", new Pager(101, 0, 0, null, null, "/notifications?page=2")))
                .andExpect(content().string(allOf(containsString("このページに表示するお知らせはありません。"),
                        containsString("<a href=\"/notifications?page=2\" id=\"last-page-link\">最後のページへ</a>"),
                        not(containsString("rel=\"prev\"")), not(containsString("rel=\"next\"")))));
        mvc.perform(get("/notifications").param("page", "7").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("There are no notifications on this page."),
                        containsString("id=\"last-page-link\">Go to the last page</a>"))));
    }

    @Test
    void aNegativePageIsTheFirstPage() throws Exception {
        mvc.perform(get("/notifications").param("page", "-3"))
                .andExpect(status().isOk())
                .andExpect(model().attribute("page", 0))
                .andExpect(model().attribute("pager", new Pager(0, 0, 0, null, null, null)))
                .andExpect(content().string(not(containsString("class=\"pager\""))));
        verify(notifications).list(SATO, 0, 50);
    }

    @Test
    void aPageThatIsNotANumberIsBadRequest() throws Exception {
        mvc.perform(get("/notifications").param("page", "next")).andExpect(status().isBadRequest());
        verify(notifications, never()).list(any(), anyInt(), anyInt());
    }

    @Test
    void marksOneReadAndGoesBackToTheList() throws Exception {
        mvc.perform(post("/notifications/7/read").with(csrf())).andExpect(redirectedUrl("/notifications"));
        verify(notifications).markRead(7, SATO);
    }

    /** Marking one read on a later page goes back to that page, not to the first, and says it was done. */
    @Test
    void marksOneReadOnALaterPageAndStaysThere() throws Exception {
        given(notifications.list(SATO, 2, 50)).willReturn(new InAppNotifications.Page(List.of(RESOLVED), 101, 1));
        mvc.perform(get("/notifications").param("page", "2"))
                .andExpect(content().string(containsString("<input type=\"hidden\" name=\"page\" value=\"2\">")));

        mvc.perform(post("/notifications/7/read").with(csrf()).param("page", "2"))
                .andExpect(redirectedUrl("/notifications?page=2"))
                .andExpect(flash().attribute("successKey", "notifications.markedRead"));
        verify(notifications).markRead(7, SATO);
    }

    @Test
    void somebodyElsesNotificationIsNotFound() throws Exception {
        willThrow(new NotFoundException("no such notification")).given(notifications).markRead(8, SATO);
        mvc.perform(post("/notifications/8/read").with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"));
    }

    @Test
    void marksAllReadAndSaysSo() throws Exception {
        mvc.perform(post("/notifications/read-all").with(csrf()))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("successKey", "notifications.allRead"));
        verify(notifications).markAllRead(SATO);
    }

    @Test
    void choosesTheDailyDigest() throws Exception {
        mvc.perform(post("/notifications/preference").with(csrf()).param("mode", "DAILY_DIGEST"))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("successKey", "notifications.preference.saved"));
        verify(notifications).choose(SATO, DeliveryMode.DAILY_DIGEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEEKLY", "daily_digest", ""})
    void anUnknownModeIsRefusedAndNothingChanges(String mode) throws Exception {
        mvc.perform(post("/notifications/preference").with(csrf()).param("mode", mode))
                .andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("errorKey", "notifications.preference.error"));
        verify(notifications, never()).choose(any(), any());
    }

    @Test
    void noModeAtAllIsRefusedToo() throws Exception {
        mvc.perform(post("/notifications/preference").with(csrf()))
                .andExpect(flash().attribute("errorKey", "notifications.preference.error"));
        verify(notifications, never()).choose(any(), any());
    }

    @Test
    void theRefusalReadsInJapaneseAndEnglish() throws Exception {
        mvc.perform(get("/notifications").flashAttr("errorKey", "notifications.preference.error"))
                .andExpect(content().string(containsString("受け取り方を選んでください。変更はしていません。")));
        mvc.perform(get("/notifications").param("lang", "en").flashAttr("errorKey", "notifications.preference.error"))
                .andExpect(content().string(containsString("Choose how to receive mail. Nothing was changed.")));
    }

    @Test
    void formsNeedTheCsrfToken() throws Exception {
        mvc.perform(post("/notifications/read-all")).andExpect(status().isForbidden());
        mvc.perform(post("/notifications/preference").param("mode", "DAILY_DIGEST")).andExpect(status().isForbidden());
        verify(notifications, never()).markAllRead(any());
        verify(notifications, never()).choose(any(), any());
    }

    @Test
    @WithAnonymousUser
    void nobodySignedInIsSentToTheLogin() throws Exception {
        mvc.perform(get("/notifications").accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrl("http://localhost/login"));
        verify(notifications, never()).list(any(), anyInt(), anyInt());
    }
}
