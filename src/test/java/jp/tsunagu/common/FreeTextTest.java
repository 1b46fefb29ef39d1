package jp.tsunagu.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000\u3000", "\u00a0\u00a0", "\u200b", "\ufeff", "\u202f \t\n", "\u2060"})
    void textThatShowsNothingIsBlank(String text) {
        assertThat(FreeText.isBlank(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"窓口", "\u00a0x", "\u200bあ", "。"})
    void textWithSomethingToReadIsNot(String text) {
        assertThat(FreeText.isBlank(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0001", "\u007f", "\u0085"})
    void controlCharactersAreFoundOnOneLineOrSeveral(String text) {
        assertThat(FreeText.hasControlCharacters(text, false)).isTrue();
        assertThat(FreeText.hasControlCharacters(text, true)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"一行目\n二行目", "a\r\nb", "列\t列"})
    void lineBreaksAndTabsAreAllowedOnlyWhereATextHasSeveralLines(String text) {
        assertThat(FreeText.hasControlCharacters(text, true)).isFalse();
        assertThat(FreeText.hasControlCharacters(text, false)).isTrue();
    }
}
