package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Japanese is the default bundle and English the second: a key missing from one would show the other language, or
 * the key itself, to the reader without any error. These checks keep the two bundles and the templates in step.
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)([^}]*)}");
    /** A literal key in a template: {@code #{admin.org.person}} or {@code #{issue.count(${n})}}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[(}]");

    private final Properties japanese = load("messages.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(new TreeSet<>(english.stringPropertyNames())).as("keys with no English text")
                .containsAll(japanese.stringPropertyNames());
        assertThat(new TreeSet<>(japanese.stringPropertyNames())).as("keys with no Japanese text")
                .containsAll(english.stringPropertyNames());
    }

    @Test
    void everyRefusalAPageCanNameHasItsText() {
        for (String code : PageErrors.CONFLICT_CODES) {
            assertThat(japanese).as("a conflict the issue page names").containsKey("error.conflict." + code);
        }
        for (String field : PageErrors.ACTION_TEXT_FIELDS) {
            assertThat(japanese).as("an action's text field the issue page names").containsKey("error.invalid." + field);
        }
    }

    @Test
    void everyTextIsWrittenAndTakesTheSameArgumentsInBothLanguages() {
        for (String key : japanese.stringPropertyNames()) {
            String ja = japanese.getProperty(key);
            String en = english.getProperty(key, "");
            // A text left empty on purpose (urgency.NONE: no label) is empty in both.
            assertThat(ja.isBlank()).as("%s is blank in Japanese, or in English only", key).isEqualTo(en.isBlank());
            assertThat(placeholders(en)).as("arguments of %s in English against Japanese", key)
                    .isEqualTo(placeholders(ja));
        }
    }

    /** A text with arguments goes through MessageFormat, where a lone apostrophe would swallow what follows it. */
    @Test
    void everyArgumentReachesTheReader() {
        for (Properties bundle : new Properties[] {japanese, english}) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                Set<Integer> indexes = placeholders(text);
                if (indexes.isEmpty()) {
                    continue;
                }
                // A number argument ({0,number,#}, or a choice between singular and plural) gets a number, every
                // other a text; both read back as 70n.
                Object[] arguments = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = String.valueOf(700 + i);
                }
                Matcher numbers = PLACEHOLDER.matcher(text);
                while (numbers.find()) {
                    if (numbers.group(2).startsWith(",number") || numbers.group(2).startsWith(",choice")) {
                        int index = Integer.parseInt(numbers.group(1));
                        arguments[index] = 700 + index;
                    }
                }
                String shown = new MessageFormat(text, Locale.ROOT).format(arguments);
                for (int index : indexes) {
                    assertThat(shown).as("%s shows argument %d", key, index).contains(String.valueOf(700 + index));
                }
            }
        }
    }

    /** English says "1 row has", not "1 rows have". */
    @Test
    void theEnglishImportSummaryCountsInTheSingularAndThePlural() {
        String summary = english.getProperty("import.report.summary");
        assertThat(new MessageFormat(summary, Locale.ENGLISH).format(new Object[] {3, 2, 1}))
                .isEqualTo("2 of 3 rows were imported. 1 row has problems.");
        assertThat(new MessageFormat(summary, Locale.ENGLISH).format(new Object[] {3, 1, 2}))
                .isEqualTo("1 of 3 rows were imported. 2 rows have problems.");
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(file));
                while (keys.find()) {
                    if (!japanese.containsKey(keys.group(1))) {
                        missing.add(templates.relativize(file) + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys named in templates but in no bundle").isEmpty();
    }

    private static Set<Integer> placeholders(String text) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            indexes.add(Integer.parseInt(matcher.group(1)));
        }
        return indexes;
    }

    private static Properties load(String name) {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
