package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class CsvAuditExportTest {

    final AuditEventSearch search = mock(AuditEventSearch.class);
    final AuditTrail trail = mock(AuditTrail.class);
    final AuditEventFilter filter = new AuditEventFilter(Instant.parse("2026-04-01T00:00:00Z"), null, null,
            AuditAction.LOGIN_FAILED, null);

    @Test
    void writesBomHeaderAndCrlfRowsWithJapaneseIntactAndFormulasDefused() throws Exception {
        willAnswer(call -> {
            Consumer<AuditEvent> each = call.getArgument(1);
            each.accept(new AuditEvent(1, Instant.parse("2026-04-01T00:30:00.123Z"), "=HYPERLINK(\"x\")",
                    "LOGIN_FAILED", null, "{\"reason\":\"BadCredentialsException\"}", "0".repeat(64), "a".repeat(64)));
            each.accept(new AuditEvent(2, Instant.parse("2026-04-01T00:31:00Z"), "sato", "COMMENT_ADDED", "i-1",
                    "{\"text\":\"確認します, \\\"至急\\\"\"}", "a".repeat(64), "b".repeat(64)));
            return null;
        }).given(search).forEach(eq(filter), any());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CsvAuditExport(search, trail).writeCsv(filter, "watanabe", out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "seq,occurred_at,actor,action,issue_id,details,prev_hash,hash\r\n"
                + "1,2026-04-01T00:30:00.123Z,\"'=HYPERLINK(\"\"x\"\")\",LOGIN_FAILED,,"
                + "\"{\"\"reason\"\":\"\"BadCredentialsException\"\"}\"," + "0".repeat(64) + "," + "a".repeat(64) + "\r\n"
                + "2,2026-04-01T00:31:00Z,sato,COMMENT_ADDED,i-1,"
                + "\"{\"\"text\"\":\"\"確認します, \\\"\"至急\\\"\"\"\"}\"," + "a".repeat(64) + "," + "b".repeat(64) + "\r\n");
    }

    @Test
    void recordsTheExportWithItsFiltersBeforeReadingAnything() throws Exception {
        new CsvAuditExport(search, trail).writeCsv(filter, "watanabe", new ByteArrayOutputStream());

        InOrder order = inOrder(trail, search);
        order.verify(trail).recordIndependently("watanabe", AuditAction.AUDIT_EXPORTED, null,
                Map.of("from", "2026-04-01T00:00:00Z", "action", "LOGIN_FAILED"));
        order.verify(search).forEach(eq(filter), any());
    }
}
