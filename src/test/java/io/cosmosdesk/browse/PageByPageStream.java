package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemPageStream;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import java.util.concurrent.CancellationException;

/**
 * For view-model tests with a mocked {@link ItemQueryService}: a page stream that answers each {@link #next()}
 * with the mock's {@code queryItemsPage} at the current token, so tests stub pages per token as before and
 * can also see how many streams were opened and which were closed.
 */
public final class PageByPageStream implements ItemPageStream {

    private final ItemQueryService service;
    private final ContainerHandle handle;
    private final ItemQuery query;
    private final int pageSize;
    private String token;
    private boolean closed;
    private int pagesRead;
    private boolean readAhead;

    PageByPageStream(ItemQueryService service, ContainerHandle handle, ItemQuery query, String token, int pageSize) {
        this.service = service;
        this.handle = handle;
        this.query = query;
        this.token = token;
        this.pageSize = pageSize;
    }

    /** Makes the mocked {@code service} open one of these for every {@code openItemPages}. */
    public static void answerPageByPage(ItemQueryService service, java.util.List<PageByPageStream> opened) {
        org.mockito.Mockito.when(service.openItemPages(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyInt())).thenAnswer(call -> {
                    PageByPageStream stream = new PageByPageStream(service, call.getArgument(0), call.getArgument(1),
                            call.getArgument(2), call.getArgument(3));
                    opened.add(stream);
                    return stream;
                });
    }

    @Override
    public ItemPage next() {
        if (closed) {
            throw new CancellationException("closed");
        }
        ItemPage page = service.queryItemsPage(handle, query, token, pageSize);
        pagesRead++;
        token = page.continuationToken();
        return page;
    }

    @Override
    public void readAhead() {
        readAhead = true;
    }

    /** Whether the paging asked this stream to read a page ahead. */
    boolean readsAhead() {
        return readAhead;
    }

    @Override
    public String continuationToken() {
        return token;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    int pagesRead() {
        return pagesRead;
    }

    ItemQuery query() {
        return query;
    }
}
