package jp.tsunagu.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a page that came back with errors must show at each wrong field, read from its HTML. */
public final class MarkedFields {

    private MarkedFields() {
    }

    /** The field {@code id} is marked invalid and described by its error, which says {@code message}. */
    public static void assertMarked(String html, String id, String message) {
        String field = fieldTag(html, id);
        assertThat(field).as("field %s", id).contains("aria-invalid=\"true\"")
                .containsPattern("aria-describedby=\"([^\"]* )?" + Pattern.quote(id + "-error") + "[ \"]");
        assertThat(html).as("error of %s", id)
                .contains("<p class=\"field-error\" id=\"" + id + "-error\">" + message + "</p>");
    }

    public static void assertNotMarked(String html, String id) {
        assertThat(fieldTag(html, id)).as("field %s", id).doesNotContain("aria-invalid");
        assertThat(html).as("error of %s", id).doesNotContain("id=\"" + id + "-error\"");
    }

    /** The opening tag of the input or select with this id. */
    private static String fieldTag(String html, String id) {
        Matcher tag = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(tag.find()).as("a field with id %s", id).isTrue();
        return tag.group();
    }
}
