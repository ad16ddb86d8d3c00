package io.stratus.ui.dynamodb.internal;

import io.stratus.core.database.ResultPage;
import io.stratus.ui.results.PageSource;

/**
 * At most {@code limit} items of a read, as the form's Limit asks: DynamoDB's own {@code Limit}
 * caps each response only, and the connector reads on while there is more, so the grid is told
 * there is no more once it has this many.
 */
public final class RowLimit implements PageSource {

    private final int limit;
    private final PageSource pages;
    private long delivered;

    /** The pages after the first come from {@code pages}. */
    public RowLimit(int limit, PageSource pages) {
        this.limit = limit;
        this.pages = pages;
    }

    /** The first page, cut to the limit. */
    public ResultPage first(ResultPage page) {
        return cut(page);
    }

    @Override
    public ResultPage next(long statement, int pageSize) {
        return cut(pages.next(statement, (int) Math.min(pageSize, Math.max(1, limit - delivered))));
    }

    private ResultPage cut(ResultPage page) {
        long room = Math.max(0, limit - delivered);
        if (page.rows().size() < room) {
            delivered += page.rows().size();
            return page;
        }
        delivered = limit;
        return new ResultPage(page.statement(), page.columns(), page.rows().subList(0, (int) room), page.updateCount(),
                false);
    }
}
