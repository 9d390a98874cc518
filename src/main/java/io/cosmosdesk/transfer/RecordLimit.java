package io.cosmosdesk.transfer;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a single record from filling the heap: a reader that fails once more than {@code limit} characters were
 * read since the current record started (a 3 GB file of one line, a JSON object that never ends). Items are at
 * most 2 MB, so a record many times that is never an item. Parsers read ahead, so the count is approximate.
 */
final class RecordLimit extends FilterReader {

    /** Characters one record may take: 2 MB items, with room for indentation and escapes. */
    static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

    private final long limit;
    private long sinceStart;

    RecordLimit(Reader in, long limit) {
        super(in);
        this.limit = limit;
    }

    void startRecord() {
        sinceStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        sinceStart += n;
        if (sinceStart > limit) {
            throw new TooLong(limit);
        }
    }

    /** The record passed the limit. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(long limit) {
            super("a single record is longer than " + limit / (1024 * 1024) + " MB of text");
        }
    }
}
