package jp.tsunagu.common.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON. Spring adds a YAML converter whenever the YAML parser is on the class path (springdoc brings it
 * for {@code /v3/api-docs.yaml}, which it writes itself); a YAML body would skip the JSON settings, such as the refusal
 * of unknown fields, so it is removed.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConverters implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(MappingJackson2YamlHttpMessageConverter.class::isInstance);
    }
}
