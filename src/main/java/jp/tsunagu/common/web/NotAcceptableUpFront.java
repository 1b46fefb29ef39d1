package jp.tsunagu.common.web;

import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers JSON only ({@link JsonOnlyConverters}), but Spring finds out that a request accepts no JSON
 * ({@code Accept: text/html}, {@code application/xml}) only when it writes the answer, after the operation has run: an
 * issue was raised, a token issued or personal details revealed and audited, and the caller was told 406 without
 * learning it. This answers that 406 before the operation runs. An operation without a body (204), one that writes
 * the response itself (the CSV export) and one that declares its own type ({@code produces}) are left to Spring.
 */
@Configuration(proxyBeanMethods = false)
class NotAcceptableUpFront implements WebMvcConfigurer, HandlerInterceptor {

    /** What the JSON converter writes; the same list Spring names in its own 406. */
    static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    private final ContentNegotiationStrategy accept = new HeaderContentNegotiationStrategy();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (handler instanceof HandlerMethod method && answersWithBody(method) && !declaresItsOwnTypes(request)
                && accept.resolveMediaTypes(new ServletWebRequest(request)).stream()
                        .noneMatch(acceptable -> JSON.stream().anyMatch(acceptable::isCompatibleWith))) {
            throw new HttpMediaTypeNotAcceptableException(JSON);
        }
        return true;
    }

    /** Spring has matched the Accept header against the mapping's {@code produces} already. */
    private static boolean declaresItsOwnTypes(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Collection<?> types
                && !types.isEmpty();
    }

    /** The body's type, inside a ResponseEntity where there is one: none for void or {@code ResponseEntity<Void>}. */
    private static boolean answersWithBody(HandlerMethod method) {
        ResolvableType answer = ResolvableType.forMethodParameter(method.getReturnType());
        if (HttpEntity.class.isAssignableFrom(answer.toClass())) {
            answer = answer.getGeneric(0);
        }
        return answer.toClass() != void.class && answer.toClass() != Void.class;
    }
}
