package jp.tsunagu.common.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the language switch leads: this page with its query (filters, page number), without the old {@code lang}.
 * The result is a path of this site or null (the layout then leads to the reader's start page, {@code /}), never an
 * address elsewhere: an address such as {@code //elsewhere.example} would make the switch a link off the site.
 */
final class LanguageSwitchPath {

    static final String ATTRIBUTE = "currentPath";

    private LanguageSwitchPath() {
    }

    /** A page: its own path, with the query only after a GET (a post's address has no page to show). */
    static String of(HttpServletRequest request) {
        String path = withinSite(request, request.getRequestURI());
        return path == null || !isGet(request) ? path : withQuery(path, request.getQueryString());
    }

    /**
     * An error page: the address that failed, also when the error came to Spring Boot's error controller (whose own
     * address is {@code /error}; the servlet container keeps the original query). After a post there is no page to
     * show again, so null.
     */
    static String ofError(HttpServletRequest request) {
        if (!isGet(request)) {
            return null;
        }
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = withinSite(request, failed instanceof String uri ? uri : request.getRequestURI());
        return path == null ? null : withQuery(path, request.getQueryString());
    }

    /** The path after the context path, as the layout's {@code @{…}} adds that again; null for no path of this site. */
    private static String withinSite(HttpServletRequest request, String uri) {
        String context = request.getContextPath();
        String path = uri != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        boolean ownPath = path != null && path.startsWith("/") && !path.startsWith("//")
                && path.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '\\');
        return ownPath ? path : null;
    }

    private static String withQuery(String path, String query) {
        if (query == null) {
            return path;
        }
        String kept = Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.equals("lang") && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? path : path + "?" + kept;
    }

    private static boolean isGet(HttpServletRequest request) {
        return "GET".equals(request.getMethod());
    }
}
