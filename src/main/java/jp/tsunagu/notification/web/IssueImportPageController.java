package jp.tsunagu.notification.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.notification.IssueImport;
import jp.tsunagu.org.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 課題の一括登録: a CSV file (as AI-OCR tools export it, UTF-8 or Shift_JIS) uploaded by a person, through the same
 * {@link IssueImport} as {@code POST /api/issues/import}. The answer is the per-row report on the same page, with
 * every problem said in the reader's language. Each form carries a fresh key, so that sending it twice imports once
 * and shows the first report again.
 */
@Controller
@WebPage
class IssueImportPageController {

    static final String PAGE = "/issues/import";

    private final IssueImport issueImport;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    IssueImportPageController(IssueImport issueImport, CurrentUser currentUser, MessageSource messages) {
        this.issueImport = issueImport;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** Those who raise no issue get the refusal page (403, audited), not a form whose every row would be refused. */
    @GetMapping(PAGE)
    String form(Model model) {
        issueImport.requireMayImport(currentUser.require());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("formKey", UUID.randomUUID().toString());
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("maxRows", IssueImport.MAX_ROWS);
        if (!model.containsAttribute("charset")) {
            model.addAttribute("charset", "");
            model.addAttribute("allOrNothing", false);
        }
        return "issue-import";
    }

    /** A file that cannot be read at all comes back with what is wrong with it (400); nothing is imported. */
    @PostMapping(PAGE)
    String importCsv(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String charset, @RequestParam(defaultValue = "false") boolean allOrNothing,
            @RequestParam(defaultValue = "") String formKey, Model model, Locale locale, HttpServletResponse response)
            throws IOException {
        issueImport.requireMayImport(currentUser.require());
        model.addAttribute("charset", charset);
        model.addAttribute("allOrNothing", allOrNothing);
        // A browser sends an empty part with no file name when no file was chosen; a chosen empty file has a name.
        if (file == null || (file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename()))) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(PageErrors.FLASH_ERROR, "import.error.noFile");
            return page(model);
        }
        try {
            if (file.getSize() > IssueImportController.MAX_BYTES) {
                throw new InvalidInputException("file", "must be at most " + IssueImportController.MAX_BYTES + " bytes");
            }
            IssueImport.Report report = issueImport.importCsv(file.getBytes(), Optional.of(charset), allOrNothing,
                    currentUser.require(), Optional.of(formKey).filter(key -> !key.isBlank()).map(key -> "page:" + key));
            model.addAttribute("report", report);
            // Windows-31J is what AI-OCR tools mean by Shift_JIS, and what the form calls it.
            model.addAttribute("charsetName", "windows-31j".equalsIgnoreCase(report.charset()) ? "Shift_JIS"
                    : report.charset());
            model.addAttribute("rows", report.results().stream()
                    .map(row -> new RowView(row.row() + 1, row.status(), row.issueId(), row.issueNumber(),
                            texts(row.errors(), locale)))
                    .toList());
        } catch (InvalidInputException unreadable) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<FieldProblem> problems = unreadable.problems();
            if (problems.size() == 1 && problems.get(0).messageCode() != null) {
                // An empty file, or one with only the header: one sentence says it all.
                model.addAttribute(PageErrors.FLASH_ERROR, problems.get(0).messageCode());
            } else {
                model.addAttribute(PageErrors.FLASH_ERROR, "import.error.file");
                model.addAttribute("fileProblems", texts(problems, locale));
            }
        }
        return page(model);
    }

    private List<String> texts(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(problem -> {
            ImportProblemText.Text text = ImportProblemText.of(problem);
            Object[] args = text.args().clone();
            args[0] = messages.getMessage("import.column." + problem.field(), null, problem.field(), locale);
            return messages.getMessage(text.key(), args, locale);
        }).toList();
    }

    /**
     * One row of the report: its number as a spreadsheet shows the file (the heading is row 1, the first issue row 2,
     * as the column notes say), so that the row named is the one to correct; then result, issue (its number names
     * the link, so that each link says where it leads, WCAG 2.4.4), problems.
     */
    record RowView(int row, String status, String issueId, String issueNumber, List<String> problems) {
    }
}
