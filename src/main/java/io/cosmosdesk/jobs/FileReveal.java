package io.cosmosdesk.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the folder holding a file in the system's file manager (Explorer, Finder, or xdg-open elsewhere). */
final class FileReveal {

    private static final Logger LOG = LoggerFactory.getLogger(FileReveal.class);

    private FileReveal() {
    }

    /** The command that shows {@code file}'s folder; blocking to start, so run it through the TaskRunner. */
    static void showFolderOf(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command;
        if (os.contains("win")) {
            command = List.of("explorer.exe", "/select," + file);
        } else if (os.contains("mac")) {
            command = List.of("open", "-R", file.toString());
        } else {
            Path folder = file.toAbsolutePath().getParent();
            command = List.of("xdg-open", String.valueOf(folder));
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.info("Could not open the folder of {} ({}): use Copy path", file, e.getMessage());
        }
    }
}
