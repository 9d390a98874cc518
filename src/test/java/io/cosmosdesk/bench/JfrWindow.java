package io.cosmosdesk.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * One pass of a flight recording: the method samples by thread group (top frames, and the first CosmosDesk frame on
 * each stack), allocation by thread and by site, and the GCs between two wall clock times. Used to profile
 * BrowseBenchmark pass by pass: run it with {@code BENCH_PASS_CLOCK=1} and
 * {@code -Dbench.jvm=-XX:StartFlightRecording=filename=b.jfr,settings=profile}, which prints each pass's clock
 * window, then {@code java -cp target/test-classes io.cosmosdesk.bench.JfrWindow b.jfr START END [top=12]}.
 */
public final class JfrWindow {

    private final Map<String, Integer> samples = new TreeMap<>();
    private final Map<String, Map<String, Integer>> topFrames = new HashMap<>();
    private final Map<String, Map<String, Integer>> ourFrames = new HashMap<>();
    private final Map<String, Long> allocatedByThread = new TreeMap<>();
    private final Map<String, Long> allocatedBySite = new HashMap<>();
    private int gcs;
    private double gcMillis;
    private long longestPauseMillis;

    private JfrWindow() {
    }

    public static void main(String[] args) throws Exception {
        long start = Long.parseLong(args[1]);
        long end = Long.parseLong(args[2]);
        int top = args.length > 3 ? Integer.parseInt(args[3]) : 12;
        JfrWindow window = new JfrWindow();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            long at = event.getStartTime().toEpochMilli();
            if (at >= start && at < end) {
                window.add(event);
            }
        }
        window.print(end - start, top);
    }

    private void add(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> {
                String group = group(event.getThread("sampledThread"));
                samples.merge(group, 1, Integer::sum);
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    return;
                }
                topFrames.computeIfAbsent(group, g -> new HashMap<>()).merge(frame(stack.getFrames().get(0)), 1,
                        Integer::sum);
                String ours = stack.getFrames().stream()
                        .filter(f -> f.getMethod().getType().getName().startsWith("io.cosmosdesk"))
                        .findFirst().map(f -> "ours: " + frame(f)).orElse(frames(stack, 6));
                ourFrames.computeIfAbsent(group, g -> new HashMap<>()).merge(ours, 1, Integer::sum);
            }
            case "jdk.ObjectAllocationSample" -> {
                String group = group(event.getThread("eventThread"));
                long weight = event.getLong("weight");
                allocatedByThread.merge(group, weight, Long::sum);
                if (event.getStackTrace() != null) {
                    allocatedBySite.merge(group + " | " + frames(event.getStackTrace(), 5), weight, Long::sum);
                }
            }
            case "jdk.GarbageCollection" -> {
                gcs++;
                gcMillis += event.getDuration().toNanos() / 1e6;
                longestPauseMillis = Math.max(longestPauseMillis, event.getDuration("longestPause").toMillis());
            }
            default -> { }
        }
    }

    private void print(long windowMillis, int top) {
        System.out.printf(Locale.ROOT, "window %d ms; GCs %d, %.0f ms in all, longest pause %d ms%n", windowMillis,
                gcs, gcMillis, longestPauseMillis);
        System.out.println("method samples by thread: " + samples);
        samples.forEach((group, count) -> {
            if (count >= 5) {
                System.out.println("== " + group + " (" + count + " samples), top frames:");
                printTop(topFrames.getOrDefault(group, Map.of()), top);
                System.out.println("  by the first CosmosDesk frame (else the top of the stack):");
                printTop(ourFrames.getOrDefault(group, Map.of()), top);
            }
        });
        System.out.println("allocated by thread (MB):");
        allocatedByThread.forEach((group, bytes) -> {
            if (bytes >= 1 << 20) {
                System.out.println("   " + (bytes >> 20) + "  " + group);
            }
        });
        System.out.println("allocated by site (MB):");
        allocatedBySite.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(site -> System.out.println("   " + (site.getValue() >> 20) + "  " + site.getKey()));
    }

    private static void printTop(Map<String, Integer> counts, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> System.out.println("   " + entry.getValue() + "  " + entry.getKey()));
    }

    private static String group(RecordedThread thread) {
        return thread == null ? "?" : String.valueOf(thread.getJavaName()).replaceAll("\\d+", "N");
    }

    private static String frames(RecordedStackTrace stack, int count) {
        return stack.getFrames().stream().limit(count).map(JfrWindow::frame).collect(Collectors.joining(" < "));
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName().replaceAll("^.*\\.", "") + "." + frame.getMethod().getName();
    }
}
