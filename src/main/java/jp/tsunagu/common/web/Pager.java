package jp.tsunagu.common.web;

import java.util.function.IntFunction;

/**
 * Where one page of a paged list stands: which rows it shows (counted from 1) of how many, and links to the pages
 * beside it. A page past the last (an old link, a hand-made number, or rows that went away meanwhile) shows nothing
 * and links to the last page, not to the one before it. Every paged page shows it through {@code fragments/pager.html}.
 */
public record Pager(long total, long firstShown, long lastShown, String previousLink, String nextLink,
        String lastPageLink) {

    /** Page {@code page} (from 0) of {@code size} rows holds {@code shown} of {@code total}; {@code link} names a page. */
    public static Pager of(int page, int size, int shown, long total, IntFunction<String> link) {
        long before = (long) page * size;
        boolean pastTheEnd = shown == 0 && total > 0;
        return new Pager(total, shown == 0 ? 0 : before + 1, shown == 0 ? 0 : before + shown,
                page > 0 && shown > 0 ? link.apply(page - 1) : null,
                before + shown < total && !pastTheEnd ? link.apply(page + 1) : null,
                pastTheEnd ? link.apply((int) ((total - 1) / size)) : null);
    }

    public boolean pastTheEnd() {
        return lastPageLink != null;
    }

    public boolean hasLinks() {
        return previousLink != null || nextLink != null || lastPageLink != null;
    }
}
