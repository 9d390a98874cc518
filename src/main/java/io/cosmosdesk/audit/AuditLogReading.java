package io.cosmosdesk.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading the audit log's day files newest entry first, for {@link AuditLog#read} (see there). */
final class AuditLogReading {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogReading.class);

    private AuditLogReading() {
    }

    static List<AuditEntry> all(List<Path> newestFirstFiles, String lineContains, Predicate<AuditEntry> which,
            int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>();
        pages(newestFirstFiles, lineContains, which, limit, Integer.MAX_VALUE, Integer.MAX_VALUE,
                newestFirst::addAll);
        return newestFirst;
    }

    /** {@code lineContains}: lines without it are skipped before they are parsed (null: none are). */
    static void pages(List<Path> newestFirstFiles, String lineContains, Predicate<AuditEntry> which, int limit,
            int firstPage, int pageSize, Predicate<List<AuditEntry>> pages) {
        if (limit <= 0) {
            return;
        }
        int[] handed = {0};
        boolean[] stopped = {false};
        List<AuditEntry> page = new ArrayList<>();
        for (Path file : newestFirstFiles) {
            try {
                NewestLines.read(file, line -> {
                    if (lineContains != null && !line.contains(lineContains)) {
                        return true;
                    }
                    AuditEntry entry = AuditLog.parse(line);
                    if (entry == null || !which.test(entry)) {
                        return true;
                    }
                    page.add(entry);
                    if (handed[0] + page.size() >= limit || page.size() >= (handed[0] == 0 ? firstPage : pageSize)) {
                        handed[0] += page.size();
                        stopped[0] = !pages.test(List.copyOf(page)) || handed[0] >= limit;
                        page.clear();
                    }
                    return !stopped[0];
                });
            } catch (IOException e) {
                LOG.warn("Could not read the audit log {}: {}", file, e.toString());
            }
            if (stopped[0]) {
                return;
            }
        }
        if (!page.isEmpty()) {
            pages.test(List.copyOf(page));
        }
    }
}
