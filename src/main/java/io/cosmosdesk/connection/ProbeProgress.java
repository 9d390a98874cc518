package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AccountProbe;

/** What a running connection test tells the dialog, as typed values (published through the TaskContext). */
sealed interface ProbeProgress {

    /** The probe started {@code stage}; the stages before it passed. */
    record StageStarted(AccountProbe.Stage stage) implements ProbeProgress {
    }

    /** A device-code sign-in waits for the user: "To sign in, use a web browser to open … and enter the code …". */
    record DeviceCodeShown(String message) implements ProbeProgress {
    }
}
