package jp.tsunagu.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * The error summary at the top begins with {@code lead} and links to exactly these fields, in this order, each
     * link ending with what the page says at that field (or says in the problem's own paragraph, when it leads there).
     */
    public static void assertSummaryLeadsTo(String html, String lead, String... ids) {
        Matcher summary = Pattern.compile(
                "(?s)<div class=\"notice notice--error\"[^>]* id=\"form-errors\">(.*?)</div>").matcher(html);
        assertThat(summary.find()).as("an error summary").isTrue();
        assertThat(summary.group(1)).as("the summary's first words").contains("<p>" + lead);
        Matcher links = Pattern.compile("<a href=\"#([^\"]+)\">([^<]*)</a>").matcher(summary.group(1));
        List<String> linked = new ArrayList<>();
        while (links.find()) {
            linked.add(links.group(1));
            Matcher error = Pattern.compile("<p class=\"field-error\" id=\"" + Pattern.quote(links.group(1))
                    + "(?:-error)?\"[^>]*>([^<]*)</p>").matcher(html);
            assertThat(error.find()).as("the error the link to %s leads to", links.group(1)).isTrue();
            assertThat(links.group(2)).as("link to %s", links.group(1)).endsWith(error.group(1));
        }
        assertThat(linked).as("the fields the summary leads to").containsExactly(ids);
    }

    /** The opening tag of the input or select with this id. */
    private static String fieldTag(String html, String id) {
        Matcher tag = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(tag.find()).as("a field with id %s", id).isTrue();
        return tag.group();
    }
}
