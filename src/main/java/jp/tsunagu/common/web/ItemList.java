package jp.tsunagu.common.web;

import java.util.List;

/**
 * The one shape of every list the API answers, {@code {items, total}}: a page of the list and how many there are in
 * all. Never a bare array, so that a list can grow paging or a count without breaking its clients.
 */
public record ItemList<T>(List<T> items, long total) {

    /** A list answered whole: the total is its size. */
    public static <T> ItemList<T> of(List<T> all) {
        return new ItemList<>(all, all.size());
    }
}
