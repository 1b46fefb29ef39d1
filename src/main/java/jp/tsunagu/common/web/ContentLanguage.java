package jp.tsunagu.common.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The language of what people typed (titles, descriptions, comments, names), for the {@code lang} attribute of the
 * element that shows it (WCAG 3.1.2). In this city hall that is nearly always Japanese: on an English page a screen
 * reader would otherwise read it with an English voice, which makes no sense of kanji and kana.
 */
public final class ContentLanguage {

    /** Hiragana, katakana (with the half-width forms) and the CJK ideographs. */
    private static final Pattern JAPANESE =
            Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\uFF66-\\uFF9F]");

    private final boolean englishPage;

    public ContentLanguage(Locale locale) {
        this.englishPage = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** {@code ja} for Japanese text on an English page; otherwise nothing, as the page's own language is right. */
    public String of(String text) {
        return englishPage && text != null && JAPANESE.matcher(text).find() ? "ja" : null;
    }

    /**
     * The text as escaped HTML, inside {@code <span lang="ja">} when {@link #of} says so: for typed text that a
     * message places inside a sentence of the page's language (the message goes to {@code th:utext}).
     */
    public String marked(String text) {
        String escaped = HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
        return of(text) == null ? escaped : "<span lang=\"ja\">" + escaped + "</span>";
    }
}
