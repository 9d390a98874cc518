package io.cosmosdesk.audit;

/**
 * The audited door with recording off: only for the benchmark that measures what the audit log costs a move
 * (its baseline). Lives with the tests; the app has no way to build one (LayerRulesTest).
 */
public final class UnauditedWrites {

    private UnauditedWrites() {
    }

    public static AuditedWrites baselineFor(AuditLog log) {
        return new AuditedWrites(log, false);
    }
}
