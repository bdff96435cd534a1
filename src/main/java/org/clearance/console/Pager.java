package org.clearance.console;

/** Where a page of results is among all of them: the numbers a pager shows and the pages it links to. */
public record Pager(int page, int pageSize, long total) {

    /** The page's number as people count: from 1. */
    public int number() {
        return page + 1;
    }

    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * pageSize < total;
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }
}
