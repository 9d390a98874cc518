package io.cosmosdesk.soak;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A {@link SoakChild} JVM, started with the least it needs: the class path without JavaFX and the test frameworks,
 * C1 only, the serial collector, no verification of class-path bytecode (our own and the SDK's jars) and no perf
 * data file. A trial's cost is mostly this JVM's start (class loading, the SDK's first connection), so the parent
 * starts the next one early, while the current one works.
 */
public final class ChildJvm implements AutoCloseable {

    /** Jars a child never loads: leaving them off shortens the class path the JVM scans. */
    private static final List<String> NOT_NEEDED = List.of("javafx", "testfx", "monocle", "junit", "opentest4j",
            "mockito", "byte-buddy", "objenesis", "archunit", "assertj", "hamcrest", "richtextfx", "flowless",
            "reactfx", "undofx", "wellbehavedfx");
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "soak-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Process process;
    private final BufferedWriter commands;
    private final BufferedReader answers;
    final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(String endpoint, String key, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx192m", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote", "-XX:-UsePerfData",
                "-Xshare:auto", "-cp", classPath(), SoakChild.class.getName(), endpoint, key));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ChildJvm(process, log);
    }

    /** This JVM's class path without JavaFX and the test frameworks (for a plain client JVM: soak, benchmarks). */
    public static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> NOT_NEEDED.stream().noneMatch(name -> Path.of(entry).getFileName().toString()
                        .toLowerCase().contains(name)))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * Sends one command and waits for its answer: true when the child answered, false when it died first (see
     * {@link #exitCode()}). A child that neither answers nor dies within the limit is killed (then false).
     */
    boolean send(long limitMinutes, String... command) throws IOException {
        try {
            commands.write(String.join("\t", command));
            commands.newLine();
            commands.flush();
        } catch (IOException diedBefore) {
            return false;
        }
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(process::destroyForcibly, limitMinutes, TimeUnit.MINUTES);
        try {
            for (String line = answers.readLine(); line != null; line = answers.readLine()) {
                if (line.equals(SoakChild.DONE)) {
                    return true;
                }
            }
            return false;
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Sends one command without waiting for its answer (the parent then watches the server, and may {@link #kill}). */
    void post(String... command) throws IOException {
        commands.write(String.join("\t", command));
        commands.newLine();
        commands.flush();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child on the spot, as {@code kill -9} does (SIGKILL on Linux and macOS), and returns its exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** The exit status of a child that died (waits for it). */
    int exitCode() throws InterruptedException {
        return process.waitFor();
    }

    /** Closes its input (it then ends by itself); killed if it does not within 30 s. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
