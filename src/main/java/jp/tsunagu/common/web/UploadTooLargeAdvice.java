package jp.tsunagu.common.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file larger than {@code spring.servlet.multipart.max-file-size} is refused while the request is read, before any
 * controller is chosen, so no page's own advice sees it and the browser would get an empty 413. This sends the reader
 * back to the form they came from, with a message in their language; nothing was received. (No API endpoint takes a
 * multipart upload.)
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    static final String MESSAGE_KEY = "error.uploadTooLarge";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response) {
        String back = backTo(request);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(PageErrors.FLASH_ERROR, MESSAGE_KEY);
        RequestContextUtils.saveOutputFlashMap(back, request, response);
        return "redirect:" + back;
    }

    /** The form's own page (the Referer, when it is this application's), else the start page. */
    static String backTo(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            URI from = URI.create(referer);
            boolean sameSite = from.getHost() == null || from.getHost().equalsIgnoreCase(request.getServerName());
            String path = from.getRawPath();
            if (!sameSite || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}
