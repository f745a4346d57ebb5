package io.chorus.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, nextCursor}}; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from a query that fetched one row more than asked for: that extra row only tells that another page
     * exists, and the cursor points after the last row returned.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> cursorOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(items.size() - 1)).encode());
    }
}
