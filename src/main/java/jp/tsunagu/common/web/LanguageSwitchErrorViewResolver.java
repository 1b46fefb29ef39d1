package jp.tsunagu.common.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller (unknown pages, refusals by the security chain) renders the same {@code error}
 * template as {@link PageAdvice}, with the failed address for the language switch. It replaces Boot's convention
 * resolver, which looks for {@code error/404.html} and the like: there are none.
 */
@Component
class LanguageSwitchErrorViewResolver implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new LinkedHashMap<>(model);
        String path = LanguageSwitchPath.ofError(request);
        if (path != null) {
            page.put(LanguageSwitchPath.ATTRIBUTE, path);
        }
        return new ModelAndView("error", page, status);
    }
}
