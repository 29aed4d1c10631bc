package io.tenure.server.lists;

import java.util.List;

/** One page of a list: its rows, the total matching the filter, the page number (from 1) and the page size. */
public record ListPage<T>(List<T> rows, long total, int page, int size) {
    public ListPage {
        rows = List.copyOf(rows);
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("pages count from 1 and hold at least one row");
        }
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
