package jp.tsunagu.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.common.web.PageDates;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditors' search form: whole days in Tokyo time ({@code to} included), an actor, an action and an issue (its
 * number, as users see it, or its id), every one optional. It rebuilds its own query string, so that paging and the CSV export keep the same filters.
 */
record AuditSearchForm(LocalDate from, LocalDate to, String actor, AuditAction action, String issueId) {

    static final int MAX_ACTOR = 64;
    static final int MAX_ISSUE_ID = 36;

    AuditSearchForm {
        actor = blankToNull(actor);
        issueId = blankToNull(issueId);
    }

    /** The message keys of what is wrong, by field; empty when the form can be searched. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("to", "audit.search.error.range"));
        }
        if (actor != null && actor.length() > MAX_ACTOR) {
            problems.add(new Problem("actor", "audit.search.error.tooLong"));
        }
        if (issueId != null && issueId.length() > MAX_ISSUE_ID) {
            problems.add(new Problem("issueId", "audit.search.error.tooLong"));
        }
        return problems;
    }

    /** A field that is wrong and the message that says why. */
    record Problem(String field, String messageKey) {
    }

    /** The filter; {@code idOfNumber} turns an issue number into the id the events carry (anything else stays). */
    AuditEventFilter toFilter(Function<String, Optional<String>> idOfNumber) {
        String id = issueId == null ? null : idOfNumber.apply(issueId).orElse(issueId);
        return new AuditEventFilter(startOf(from), to == null ? null : startOf(to.plusDays(1)), actor, action, id);
    }

    String link(String path, Integer page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        addIfSet(uri, "from", from);
        addIfSet(uri, "to", to);
        addIfSet(uri, "actor", actor);
        addIfSet(uri, "action", action);
        addIfSet(uri, "issueId", issueId);
        addIfSet(uri, "page", page);
        return uri.encode().build().toUriString();
    }

    private static void addIfSet(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(PageDates.CITY_ZONE).toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
