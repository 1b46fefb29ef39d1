package jp.tsunagu.sla;

/**
 * A holiday file that cannot be loaded, with the line that is wrong (0 when the problem is the file as a whole, such
 * as a missing year). The calendar keeps its previous data.
 */
public class InvalidHolidayDataException extends IllegalArgumentException {

    private final int lineNumber;

    public InvalidHolidayDataException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + problem : problem);
        this.lineNumber = lineNumber;
    }

    public int lineNumber() {
        return lineNumber;
    }
}
