package jp.tsunagu.notification.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.common.FieldProblem;

/**
 * What is wrong with an imported row or file, said in the reader's language: the column's name and a message key
 * for the kinds of problem the intake and the CSV reader report. A problem of a kind not known here keeps the
 * service's own (English) words, with the column's name in the reader's language.
 */
final class ImportProblemText {

    /** A message key with its arguments, for {@code #messages.msgWithParams}. */
    record Text(String key, Object[] args) {
    }

    private record Rule(Pattern pattern, String key) {
    }

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^is required$"), "import.problem.required"),
            new Rule(Pattern.compile("^must (be 1 to|be at most) \\d+ characters$"), "import.problem.tooLong"),
            new Rule(Pattern.compile("^must not contain line breaks"), "import.problem.controlCharacters"),
            new Rule(Pattern.compile("^'[^']*' is not a known section$"), "import.problem.unknownSectionNamed"),
            new Rule(Pattern.compile("^you may not raise issues for section '"), "import.problem.notAllowed"),
            new Rule(Pattern.compile("is not a known section$"), "import.problem.unknownSection"),
            new Rule(Pattern.compile("is not one of"), "import.problem.notOneOf"),
            new Rule(Pattern.compile("^must be true or false$"), "import.problem.trueOrFalse"),
            new Rule(Pattern.compile("^must not repeat the owning section$"), "import.problem.repeatsOwner"),
            new Rule(Pattern.compile("^may only be given when personalInfo is true$"), "import.problem.detailsNotFlagged"),
            new Rule(Pattern.compile("^must name at most \\d+ sections$"), "import.problem.tooManySections"),
            new Rule(Pattern.compile("^unknown column"), "import.problem.unknownColumn"),
            new Rule(Pattern.compile("^column '[^']*' is required$"), "import.problem.missingColumn"),
            new Rule(Pattern.compile("^the file is not valid"), "import.problem.charsetMismatch"),
            new Rule(Pattern.compile("^must be UTF-8 or Shift_JIS$"), "import.problem.charsetUnknown"),
            new Rule(Pattern.compile("^must hold at most \\d+ rows$"), "import.problem.tooManyRows"),
            new Rule(Pattern.compile("^is not a readable CSV file"), "import.problem.unreadable"),
            new Rule(Pattern.compile("^must be at most \\d+ bytes$"), "import.problem.tooBig"),
            new Rule(Pattern.compile("^was used before with a different request"), "import.problem.keyReused"));

    private ImportProblemText() {
    }

    /**
     * Arguments: {0} the column's message key (a column not known to the page is named as it is), {1} the first
     * quoted value in the service's message (a section code, a value, a column), {2} the service's message.
     */
    static Text of(FieldProblem problem) {
        Matcher quoted = QUOTED.matcher(problem.message());
        String value = quoted.find() ? quoted.group(1) : "";
        Object[] args = {problem.field(), value, problem.message()};
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(problem.message()).find()) {
                return new Text(rule.key(), args);
            }
        }
        return new Text("import.problem.other", args);
    }
}
