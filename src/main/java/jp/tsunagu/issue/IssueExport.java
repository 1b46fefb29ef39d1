package jp.tsunagu.issue;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

import jp.tsunagu.org.Person;

/**
 * The issue list as a CSV file for a spreadsheet: the issues the reader may see that match the filter, newest first,
 * with headings and labels in the reader's language. Personal details are never in it, only whether an issue has
 * them; free text other than the title (description, comments, resolution) stays in Tsunagu.
 */
public interface IssueExport {

    /** More than this many matching issues is refused: a narrower filter is asked for. */
    int MAX_ROWS = 10_000;

    String TOO_MANY = "matches more than " + MAX_ROWS + " issues; narrow the filters";

    /**
     * Records the export in the audit trail and writes the file.
     *
     * @throws jp.tsunagu.common.InvalidInputException ({@code filters}, {@link #TOO_MANY}) before anything is written
     *         or recorded
     */
    void writeCsv(IssueFilter filter, Person reader, Locale locale, OutputStream out) throws IOException;
}
