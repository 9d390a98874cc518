package io.cosmosdesk.audit;

import java.util.Locale;

/**
 * What a write was for, as the audit log names it. Each feature that writes has its own constants, so the log
 * and its viewer say "move-copy" or "import" rather than only "create". Add a constant for a new kind of write
 * (see notes/audit-shared.md); its {@link #verb} is what is sent to Cosmos DB.
 */
public enum AuditOperation {
    CREATE(Verb.CREATE),
    /** A copy of an open item saved under a new id (the editor's "save as new item"). */
    CLONE(Verb.CREATE),
    REPLACE(Verb.REPLACE),
    DELETE(Verb.DELETE),
    BULK_DELETE(Verb.DELETE),
    /** A move's copy of an item under its new partition key value. */
    MOVE_COPY(Verb.CREATE),
    /** A move's conditional delete of the source once its copy is recorded. */
    MOVE_DELETE_SOURCE(Verb.DELETE),
    /** A move removing its own copy again (the source changed, or a roll back). */
    MOVE_REMOVE_COPY(Verb.DELETE),
    /** A roll back creating the source again from the journal. */
    MOVE_RESTORE_SOURCE(Verb.CREATE),
    /** Restore this version: the audit viewer's or the item history's conditional replace. */
    RESTORE(Verb.REPLACE),
    /** Restore this version of an item deleted since: created again. */
    RESTORE_DELETED(Verb.CREATE),
    IMPORT_CREATE(Verb.CREATE),
    IMPORT_UPSERT(Verb.UPSERT),
    IMPORT_REPLACE(Verb.REPLACE),
    COPY_CREATE(Verb.CREATE),
    COPY_UPSERT(Verb.UPSERT),
    PATCH(Verb.PATCH),
    /** Undo of a bulk patch: the before-image put back, conditional on the ETag the patch left. */
    PATCH_UNDO(Verb.REPLACE),
    /** A stored procedure, trigger or user-defined function created (id: the script's; after: its definition). */
    SCRIPT_CREATE(Verb.NONE),
    /** A script's definition replaced (before and after: the definitions). */
    SCRIPT_REPLACE(Verb.NONE),
    SCRIPT_DELETE(Verb.NONE),
    /** A stored procedure run (it can write items): the partition key and the parameters it was given. */
    SCRIPT_EXECUTE(Verb.NONE),
    /** A change of CosmosDesk's own settings (no container: before and after are the settings). */
    SETTINGS(Verb.NONE),
    /** A change of a container's settings (time to live, indexing policy, computed properties): no item. */
    CONTAINER_SETTINGS(Verb.NONE),
    /** A change of a container's throughput: no item; before and after are the throughput. */
    THROUGHPUT(Verb.NONE),
    /** A database created (id: the database's; after: its throughput and the control plane that made it). */
    DATABASE_CREATE(Verb.NONE),
    /** A database deleted, with every container in it (id: the database's). */
    DATABASE_DELETE(Verb.NONE),
    /** A container created (id: the container's; after: its key, throughput, time to live, keys, policy). */
    CONTAINER_CREATE(Verb.NONE),
    /** A container deleted, with every item in it (id: the container's). */
    CONTAINER_DELETE(Verb.NONE);

    /** What goes to Cosmos DB. */
    public enum Verb { CREATE, REPLACE, UPSERT, DELETE, PATCH, NONE }

    private final Verb verb;

    AuditOperation(Verb verb) {
        this.verb = verb;
    }

    public Verb verb() {
        return verb;
    }

    /** As written in the log: {@code move-copy}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@link #code()} back; null for a code this version does not know (a newer version's log). */
    public static AuditOperation fromCode(String code) {
        if (code == null) {
            return null;
        }
        try {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
