package jp.tsunagu.audit.internal;

import static jp.tsunagu.common.SpreadsheetCells.inert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditExport;
import jp.tsunagu.audit.AuditTrail;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * The CSV export. The export is recorded before the first row is written, in a transaction of its own: even an export
 * that breaks off half-way leaves its trace.
 */
@Service
class CsvAuditExport implements AuditExport {

    static final String[] HEADER = {"seq", "occurred_at", "actor", "action", "issue_id", "details", "prev_hash", "hash"};

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\r\n")
            .get();

    private final AuditEventSearch search;
    private final AuditTrail auditTrail;

    CsvAuditExport(AuditEventSearch search, AuditTrail auditTrail) {
        this.search = search;
        this.auditTrail = auditTrail;
    }

    @Override
    public void writeCsv(AuditEventFilter filter, String exportedBy, OutputStream out) throws IOException {
        auditTrail.recordIndependently(exportedBy, AuditAction.AUDIT_EXPORTED, null, filter.asDetails());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        try {
            search.forEach(filter, event -> print(csv, event));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, AuditEvent event) {
        try {
            csv.printRecord(event.seq(), event.occurredAt(), inert(event.actor()), event.action(),
                    inert(event.issueId()), inert(event.details()), event.prevHash(), event.hash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
