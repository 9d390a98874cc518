package io.cosmosdesk.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark process's memory: resident and proportional set from /proc, and the live heap by class. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /**
     * The process's memory after the opens: peak and current resident set, and the proportional set (ZGC maps its
     * heap three times, which counts thrice in RSS but once in PSS), from /proc (Linux).
     */
    static String summary() {
        try {
            String status = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/status"));
            String rollup = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/smaps_rollup"));
            return String.format(Locale.ROOT, "process memory: RSS peak %d MB, RSS now %d MB, PSS now %d MB",
                    kb(status, "VmHWM:") / 1024, kb(status, "VmRSS:") / 1024, kb(rollup, "Pss:") / 1024);
        } catch (java.io.IOException | RuntimeException e) {
            return "process memory: unknown (" + e + ")";
        }
    }

    /** The heap's live objects by class after a full collection (jcmd GC.class_histogram), its first lines. */
    static String liveHistogram(int lines) {
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            List<String> rows = java.util.Arrays.asList(text.toString().split("\n"));
            // the top classes, and the histogram's last row: the live heap's total objects and bytes
            return "live heap with the last item open, by class:\n" + String.join("\n",
                    rows.subList(0, Math.min(lines, rows.size() - 1))) + "\n" + rows.get(rows.size() - 1);
        } catch (Exception e) {
            return "live heap: unknown (" + e + ")";
        }
    }

    private static long kb(String proc, String field) {
        int at = proc.indexOf(field);
        String rest = proc.substring(at + field.length()).strip();
        return Long.parseLong(rest.substring(0, rest.indexOf(' ')));
    }
}
