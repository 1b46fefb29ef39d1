package jp.tsunagu.audit;

import java.io.IOException;
import java.io.OutputStream;

/** The auditors' CSV export. Every export is itself recorded as {@link AuditAction#AUDIT_EXPORTED}. */
public interface AuditExport {

    /**
     * Streams the matching events as CSV: UTF-8 with a byte order mark (so that Excel reads Japanese), CRLF line ends
     * and a header row. Memory use does not grow with the number of events.
     */
    void writeCsv(AuditEventFilter filter, String exportedBy, OutputStream out) throws IOException;
}
