package io.cosmosdesk.testing;

import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An audited door over an audit log in a fresh temporary folder, for tests that do not look at the log. */
public final class TestAudit {

    private TestAudit() {
    }

    public static AuditedWrites writes() {
        try {
            Path folder = Files.createTempDirectory("cosmosdesk-audit");
            folder.toFile().deleteOnExit();
            return new AuditedWrites(new AuditLog(folder.resolve("audit")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AuditedWrites writes(Path folder) {
        return new AuditedWrites(new AuditLog(folder));
    }
}
