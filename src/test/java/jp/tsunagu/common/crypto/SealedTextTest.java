package jp.tsunagu.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedTextTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @TempDir
    Path dir;

    private SealedText box(String key) {
        return new SealedText(new KeySource("test", "TEST_KEY", key, dir.resolve("unused.key"), false), "test text");
    }

    @Test
    void sealedTextOpensToTheSameTextAndNeverRepeats() {
        SealedText box = box(KEY);
        String first = box.seal("https://chat.example.jp/hooks/T0KEN 佐藤");
        String second = box.seal("https://chat.example.jp/hooks/T0KEN 佐藤");

        assertThat(first).startsWith("v1:").doesNotContain("T0KEN").isNotEqualTo(second);
        assertThat(box.open(first)).isEqualTo("https://chat.example.jp/hooks/T0KEN 佐藤");
        assertThat(box.open(second)).isEqualTo("https://chat.example.jp/hooks/T0KEN 佐藤");
    }

    @Test
    void aChangedTextOrAnotherKeyDoesNotOpen() {
        String sealed = box(KEY).seal("secret");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String changed = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box(KEY).open(changed)).hasMessage("test text could not be decrypted");
        assertThatThrownBy(() -> box(OTHER_KEY).open(sealed)).hasMessage("test text could not be decrypted");
        assertThatThrownBy(() -> box(KEY).open("v2:abc")).hasMessage("unknown test text key version");
        assertThatThrownBy(() -> box(KEY).open("v1:not base64!")).hasMessage("test text could not be decrypted");
    }

    @Test
    void withoutAKeyItSaysWhereToSetOne() {
        assertThatThrownBy(() -> box("").seal("x")).hasMessage("No test key: set TEST_KEY");
        assertThatThrownBy(() -> box("c2hvcnQ=").seal("x")).hasMessage("The test key must be 32 bytes (base64)");
        assertThatThrownBy(() -> box("***").seal("x")).hasMessage("The test key must be 32 bytes (base64)");
    }

    @Test
    void theDemoCreatesAKeyFileOnceAndReadsItAfterwards() throws Exception {
        Path file = dir.resolve("keys/demo.key");
        String sealed = new SealedText(new KeySource("demo", "DEMO_KEY", "", file, true), "demo").seal("hello");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);

        SealedText afterRestart = new SealedText(new KeySource("demo", "DEMO_KEY", "", file, false), "demo");
        assertThat(afterRestart.open(sealed)).isEqualTo("hello");
    }
}
