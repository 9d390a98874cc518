package io.cosmosdesk.transfer;

import java.nio.charset.StandardCharsets;

/**
 * Finds the second row with the same id and partition key in a file, in bounded memory: a 64-bit hash of each
 * (id, key) and the row it came from, 12 bytes a row at most twice over (about 24 MB per million rows). Two
 * different keys share a hash with a chance of about one in 10^8 at a million rows; such a row would be
 * reported as a duplicate that is not one, never the other way round.
 */
final class DuplicateKeys {

    private long[] hashes = new long[1 << 12];
    private long[] rows = new long[1 << 12];
    private int size;

    /**
     * Records the row's (id, key) and returns the row that had them first, or -1 when these are new.
     *
     * @param keyJson the partition key as JSON text ({@code PartitionKeyValue.toJsonArray()})
     */
    long firstRowOf(String id, String keyJson, long row) {
        long hash = hash(id, keyJson);
        int mask = hashes.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (hashes[slot] != 0) {
            if (hashes[slot] == hash) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        rows[slot] = row;
        if (++size * 2 > hashes.length) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldHashes = hashes;
        long[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new long[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            long hash = oldHashes[i];
            if (hash != 0) {
                int slot = (int) (hash ^ (hash >>> 32)) & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = hash;
                rows[slot] = oldRows[i];
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, finished with SplitMix64's mixer; never 0 (the empty slot). */
    static long hash(String id, String keyJson) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, id.getBytes(StandardCharsets.UTF_8));
        h = (h ^ 0xFF) * 0x100000001b3L; // separator no UTF-8 text contains
        h = mix(h, keyJson.getBytes(StandardCharsets.UTF_8));
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
