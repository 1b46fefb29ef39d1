package jp.tsunagu.common;

/** What a CSV export does to a cell that a person typed, before a spreadsheet opens it. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * Spreadsheets run a cell that starts with = + - @ as a formula, and titles, comments and a failed login's name are
     * whatever someone typed. Such a cell gets a leading apostrophe, which Excel shows as plain text.
     */
    public static String inert(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
