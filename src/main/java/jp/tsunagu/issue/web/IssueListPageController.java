package jp.tsunagu.issue.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.common.web.PageDates;
import jp.tsunagu.common.web.PageErrors;
import jp.tsunagu.common.web.Pager;
import jp.tsunagu.common.web.WebPage;
import jp.tsunagu.issue.IssueExport;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssuePage;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.SlaView;
import jp.tsunagu.org.CurrentUser;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Section;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 課題一覧: every issue the reader may see, newest first, found by number or title, status, level, owning section,
 * overdue, or raised by the reader. This is where a resolved issue is found again, and an issue shared with the reader's section or
 * department (部内共有, 庁内共有) that is not their task. The same {@link IssueQueries#list} as {@code GET /api/issues},
 * so it shows exactly what the reader's audience rows allow.
 */
@Controller
@WebPage
class IssueListPageController {

    static final int PAGE_SIZE = 20;
    /** Longer searches are cut, as the title itself is at most this long. */
    static final int MAX_QUERY = 200;

    private final IssueQueries queries;
    private final IssueExport export;
    private final CurrentUser currentUser;
    private final Organisation organisation;
    private final Clock clock;

    IssueListPageController(IssueQueries queries, IssueExport export, CurrentUser currentUser,
            Organisation organisation, Clock clock) {
        this.queries = queries;
        this.export = export;
        this.currentUser = currentUser;
        this.organisation = organisation;
        this.clock = clock;
    }

    @GetMapping("/issues")
    String issues(Filter filter, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        int current = Math.max(page, 0);
        Person me = currentUser.require();
        IssuePage found = queries.list(filter.toIssueFilter(me, current, PAGE_SIZE), me);

        List<Section> sections = organisation.sections();
        Map<String, Section> byCode = sections.stream().collect(Collectors.toMap(Section::code, Function.identity()));
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute("statuses", IssueStatus.values());
        model.addAttribute("levels", Level.values());
        model.addAttribute("sections", sections);
        model.addAttribute("rows", found.items().stream()
                .map(issue -> new Row(issue, sectionName(byCode.get(issue.sectionCode()), issue.sectionCode(), english)))
                .toList());
        model.addAttribute("pager", Pager.of(current, PAGE_SIZE, found.items().size(), found.total(),
                number -> filter.link("/issues", number)));
        model.addAttribute("exportLink", filter.link("/issues/export.csv", 0));
        return "issues";
    }

    /**
     * The same issues as a CSV file, audited. Too many to export sends the reader back to the list with the reason,
     * the filters kept.
     */
    @GetMapping("/issues/export.csv")
    String export(Filter filter, Locale locale, HttpServletResponse response, RedirectAttributes flash)
            throws IOException {
        Person me = currentUser.require();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            export.writeCsv(filter.toIssueFilter(me, 0, 1), me, locale, file);
        } catch (InvalidInputException tooMany) {
            flash.addFlashAttribute(PageErrors.FLASH_ERROR, "issues.export.tooMany");
            return "redirect:" + filter.link("/issues", 0);
        }
        String day = LocalDate.now(clock.withZone(PageDates.CITY_ZONE)).format(DateTimeFormatter.BASIC_ISO_DATE);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"issues-" + day + ".csv\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(file.size());
        file.writeTo(response.getOutputStream());
        return null;
    }

    private static String sectionName(Section section, String code, boolean english) {
        return section == null ? code : english ? section.nameEn() : section.nameJa();
    }

    /**
     * The search, bound from the query (an unknown status or level is a 400), as the form shows it and as the page
     * links carry it. Blank is no filter; a longer search is cut, as the title itself is at most {@link #MAX_QUERY}
     * long.
     */
    public record Filter(String q, IssueStatus status, Level level, String section, Boolean overdue, Boolean mine) {

        public Filter {
            q = q == null || q.isBlank() ? null : q.strip();
            if (q != null && q.length() > MAX_QUERY) {
                q = q.substring(0, MAX_QUERY);
            }
            section = section == null || section.isBlank() ? null : section;
            overdue = Boolean.TRUE.equals(overdue) ? true : null;
            mine = Boolean.TRUE.equals(mine) ? true : null;
        }

        IssueFilter toIssueFilter(Person reader, int page, int size) {
            return new IssueFilter(level, status, section, overdue, q, mine != null ? reader.username() : null, page,
                    size);
        }

        public boolean any() {
            return q != null || status != null || level != null || section != null || overdue != null || mine != null;
        }

        String link(String path, int page) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
            addIfSet(uri, "q", q);
            addIfSet(uri, "status", status);
            addIfSet(uri, "level", level);
            addIfSet(uri, "section", section);
            addIfSet(uri, "overdue", overdue);
            addIfSet(uri, "mine", mine);
            if (page > 0) {
                uri.queryParam("page", page);
            }
            return uri.encode().build().toUriString();
        }

        private static void addIfSet(UriComponentsBuilder uri, String name, Object value) {
            if (value != null) {
                uri.queryParam(name, value);
            }
        }
    }

    /**
     * An issue as the list shows it, with its owning section's name in the reader's language and the target it waits
     * on: acknowledging while it is OPEN, resolving after that, none once resolved.
     */
    public record Row(IssueView issue, String sectionName) {

        public OffsetDateTime due() {
            SlaView sla = issue.sla();
            if (sla == null || issue.status() == IssueStatus.RESOLVED) {
                return null;
            }
            return issue.status() == IssueStatus.OPEN ? sla.acknowledgeBy() : sla.resolveBy();
        }

        /** Past the target it waits on, or flagged as breached at this level; a paused issue's clock stands still. */
        public boolean overdue() {
            SlaView sla = issue.sla();
            if (sla == null || issue.status() == IssueStatus.RESOLVED || sla.paused()) {
                return false;
            }
            Duration remaining = issue.status() == IssueStatus.OPEN ? sla.acknowledgeRemaining()
                    : sla.resolveRemaining();
            return sla.ackBreached() || sla.resolveBreached() || remaining != null && remaining.isNegative();
        }
    }
}
