package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ContentLanguageTest {

    private final ContentLanguage english = new ContentLanguage(Locale.ENGLISH);

    @Test
    void japaneseTextOnAnEnglishPageIsJapanese() {
        assertThat(english.of("窓口の待ち時間が長い")).isEqualTo("ja");
        assertThat(english.of("ひらがな")).isEqualTo("ja");
        assertThat(english.of("PCのトラブル")).as("mixed, mostly Japanese in reading").isEqualTo("ja");
        assertThat(english.of("ｶﾀｶﾅ")).as("half-width katakana, as OCR tools send it").isEqualTo("ja");
    }

    @Test
    void englishTextOrNoTextNeedsNoMark() {
        assertThat(english.of("Queue at the counter")).isNull();
        assertThat(english.of("2026-000001")).isNull();
        assertThat(english.of(null)).isNull();
    }

    @Test
    void onAJapanesePageThePagesOwnLanguageIsRight() {
        assertThat(new ContentLanguage(Locale.JAPANESE).of("窓口の待ち時間が長い")).isNull();
    }

    @Test
    void japaneseTextInsideAnEnglishSentenceIsMarkedAndEscaped() {
        assertThat(english.marked("窓口<b>混雑</b>")).isEqualTo("<span lang=\"ja\">窓口&lt;b&gt;混雑&lt;/b&gt;</span>");
        assertThat(english.marked("AT&T")).isEqualTo("AT&amp;T");
        assertThat(english.marked(null)).isEmpty();
        assertThat(new ContentLanguage(Locale.JAPANESE).marked("「窓口」")).isEqualTo("「窓口」");
    }
}
