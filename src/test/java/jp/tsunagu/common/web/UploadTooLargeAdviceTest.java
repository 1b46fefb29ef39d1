package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

class UploadTooLargeAdviceTest {

    private static MockHttpServletRequest upload(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/issues/import");
        request.setServerName("tsunagu.city.example.lg.jp");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
        request.setAttribute(DispatcherServlet.FLASH_MAP_MANAGER_ATTRIBUTE, new SessionFlashMapManager());
        return request;
    }

    @Test
    void aTooLargeFileSendsTheReaderBackToTheFormWithAMessage() {
        MockHttpServletRequest request = upload("https://tsunagu.city.example.lg.jp/issues/import?lang=en");

        String view = new UploadTooLargeAdvice().tooLarge(request, new MockHttpServletResponse());

        assertThat(view).isEqualTo("redirect:/issues/import?lang=en");
        FlashMap flash = (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
        assertThat((java.util.Map<String, Object>) flash).containsEntry(PageErrors.FLASH_ERROR, "error.uploadTooLarge");
        assertThat(flash.getTargetRequestPath()).isEqualTo("/issues/import");
    }

    @Test
    void onlyThisApplicationsOwnPagesAreGoneBackTo() {
        assertThat(UploadTooLargeAdvice.backTo(upload("/admin/calendar"))).isEqualTo("/admin/calendar");
        assertThat(UploadTooLargeAdvice.backTo(upload("https://evil.example/phish"))).isEqualTo("/");
        assertThat(UploadTooLargeAdvice.backTo(upload("//evil.example/phish"))).isEqualTo("/");
        assertThat(UploadTooLargeAdvice.backTo(upload("not a uri"))).isEqualTo("/");
        assertThat(UploadTooLargeAdvice.backTo(upload(null))).isEqualTo("/");
    }
}
