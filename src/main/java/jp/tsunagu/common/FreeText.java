package jp.tsunagu.common;

/**
 * What counts as empty, and what may not stand, in a text people type: titles, comments, reasons. Java's
 * {@link String#isBlank()} leaves out the no-break space (U+00A0) and invisible format characters such as the
 * zero-width space (U+200B), so a text made only of those would show as nothing while counting as something.
 */
public final class FreeText {

    private FreeText() {
    }

    /** True when the text shows nothing: only white space, space separators or invisible format characters. */
    public static boolean isBlank(CharSequence text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    /**
     * True when the text holds a control character (C0 or C1, such as NUL or U+0001). Line breaks and tabs are
     * allowed where a text may have several lines.
     */
    public static boolean hasControlCharacters(CharSequence text, boolean severalLines) {
        return text != null && text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(severalLines && (c == '\n' || c == '\r' || c == '\t')));
    }
}
