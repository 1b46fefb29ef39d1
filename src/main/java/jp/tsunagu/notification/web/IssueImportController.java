package jp.tsunagu.notification.web;

import java.util.Optional;

import jp.tsunagu.common.web.ApiProblems;
import jp.tsunagu.notification.IssueImport;
import jp.tsunagu.org.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/issues/import}: the CSV as the request body ({@code text/csv}). The charset is the {@code charset}
 * parameter or, without it, detected; a charset in the content type is ignored, because tools add "UTF-8" to
 * Shift_JIS bytes. The answer is the per-row report; a
 * file that cannot be read at all is a 400 problem.
 */
@RestController
class IssueImportController {

    /** The page's upload limit, the same 5 MB as {@code tsunagu.api.max-import-size}'s default for this API. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final IssueImport issueImport;
    private final CurrentUser currentUser;

    IssueImportController(IssueImport issueImport, CurrentUser currentUser) {
        this.issueImport = issueImport;
        this.currentUser = currentUser;
    }

    @ApiProblems(422)
    @PostMapping(path = "/api/issues/import", consumes = {"text/csv", "application/octet-stream", "text/plain"})
    ResponseEntity<IssueImport.Report> importCsv(@RequestBody(required = false) byte[] body,
            @RequestParam(required = false) String charset,
            @RequestParam(defaultValue = "false") boolean allOrNothing,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        // No body at all is an empty file, which the import refuses as such. Its size was checked before it was
        // read, by RequestSizeLimitFilter (tsunagu.api.max-import-size).
        byte[] csv = body == null ? new byte[0] : body;
        IssueImport.Report report = issueImport.importCsv(csv, Optional.ofNullable(charset), allOrNothing,
                currentUser.require(), Optional.ofNullable(idempotencyKey));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report);
    }
}
