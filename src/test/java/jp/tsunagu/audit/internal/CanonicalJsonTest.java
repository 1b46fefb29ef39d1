package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryDepthWhateverTheInsertionOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", 2);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("level", "SECTION");
        outer.put("comment", inner);
        outer.put("actions", List.of("b", "a"));

        assertThat(CanonicalJson.of(outer))
                .isEqualTo("{\"actions\":[\"b\",\"a\"],\"comment\":{\"a\":2,\"z\":1},\"level\":\"SECTION\"}");
    }

    @Test
    void sameContentInAnyOrderIsTheSameText() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", true);
        one.put("a", "x");
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("a", "x");
        two.put("b", true);

        assertThat(CanonicalJson.of(one)).isEqualTo(CanonicalJson.of(two));
    }

    @Test
    void keepsJapaneseTextAsUtf8CharactersWithoutWhitespace() {
        assertThat(CanonicalJson.of(Map.of("理由", "他課の窓口にも影響", "件数", 3)))
                .isEqualTo("{\"件数\":3,\"理由\":\"他課の窓口にも影響\"}");
    }

    @Test
    void escapesWhatJsonRequires() {
        assertThat(CanonicalJson.of(Map.of("text", "改行\nと\"引用\"")))
                .isEqualTo("{\"text\":\"改行\\nと\\\"引用\\\"\"}");
        assertThat(CanonicalJson.quote("a\\b")).isEqualTo("\"a\\\\b\"");
    }

    @Test
    void refusesWhatCannotBeSerialised() {
        assertThatThrownBy(() -> CanonicalJson.of(Map.of("self", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quoteEscapesExactlyAsTheMapperDoesForStrings() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper plain = new com.fasterxml.jackson.databind.ObjectMapper();
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        for (String text : List.of("", "sato", "課題 \"引用\" と \\ 逆斜線", "改行\n タブ\t 復帰\r", "\u0000\u001f\u007f",
                "行区切り\u2028 段落\u2029", "絵文字 🏯 と ｶﾅ", "</script><b>", every.toString())) {
            assertThat(CanonicalJson.quote(text)).as("quote(%s)", text).isEqualTo(plain.writeValueAsString(text));
        }
    }
}
