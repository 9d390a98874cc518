package io.cosmosdesk.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what each UI stall was: the garbage-collection pauses inside it (which collection, how long, how much it
 * copied and who allocated since the pause before), the UI thread's own CPU time and where its stack was (the
 * editor's phases, from {@link FxStackLog}), and the rest (waiting for a core or for the renderer).
 */
final class StallAttribution {

    /** One stall: wall, UI CPU and GC ms, the verdict ("GC", "UI CPU: CSS", "renderer", "no core") and the text. */
    record Stall(long wallMs, long uiCpuMs, long gcMs, String verdict, String text) {
    }

    private StallAttribution() {
    }

    /** {@code stall} as {@link UiStallMeter#stalls} gives it; samples and pauses on the JVM uptime clock. */
    static Stall of(long[] stall, EditorGcPauses gc, FxStackLog log) {
        long wall = stall[1];
        long cpu = Math.max(0, stall[2]);
        long from = stall[4];
        long to = from + wall;
        List<EditorGcPauses.Pause> pauses = gc.overlapping(from, to);
        long gcMs = 0;
        StringBuilder gcText = new StringBuilder();
        for (EditorGcPauses.Pause pause : pauses) {
            long inside = Math.max(0, Math.min(to, pause.endMs()) - Math.max(from, pause.startMs()));
            gcMs += inside;
            gcText.append(String.format(Locale.ROOT, "%s%s %d ms (%d inside), copied %d MB, allocated before it: %s",
                    gcText.length() == 0 ? "" : "; ", pause.what(), pause.ms(), inside,
                    pause.copiedBytes() / (1024 * 1024), pause.allocatedBy().isEmpty() ? "-" : pause.allocatedBy()));
        }
        List<FxStackLog.Sample> samples = log.within(from, to);
        Map<String, Long> phases = new LinkedHashMap<>();
        Map<String, Long> otherFrames = new LinkedHashMap<>();
        for (FxStackLog.Sample sample : samples) {
            phases.merge(sample.phase(), FxStackLog.SAMPLE_MS, Long::sum);
            if (sample.phase().equals("other")) {
                otherFrames.merge(sample.frame(), FxStackLog.SAMPLE_MS, Long::sum);
            }
        }
        String where = phases.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String others = otherFrames.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(3).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        long renderer = phases.getOrDefault("waiting for the renderer", 0L);
        long rest = Math.max(0, wall - cpu - gcMs);
        String topPhase = phases.entrySet().stream().filter(e -> !e.getKey().startsWith("waiting"))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        String verdict;
        if (gcMs >= cpu && gcMs >= rest) {
            verdict = "GC pause";
        } else if (cpu >= rest) {
            verdict = "UI CPU: " + topPhase;
        } else if (renderer >= rest / 2) {
            verdict = "waiting for the renderer";
        } else {
            verdict = "waiting for a core";
        }
        String text = String.format(Locale.ROOT, "%d ms: %s | GC %d ms%s | UI CPU %d ms | other wait %d ms | "
                + "UI thread sampled (ms): %s%s", wall, verdict, gcMs, gcText.length() == 0 ? "" : " [" + gcText + "]",
                cpu, rest, where.isEmpty() ? "-" : where, others.isEmpty() ? "" : " (other: " + others + ")");
        return new Stall(wall, cpu, gcMs, verdict, text);
    }

    /** "CSS 12 ms, paragraph cells 4 ms": the samples by phase, most first ("-" when none). */
    static String phases(List<FxStackLog.Sample> samples) {
        Map<String, Long> phases = new LinkedHashMap<>();
        for (FxStackLog.Sample sample : samples) {
            boolean byFrame = sample.phase().equals("other") || sample.phase().equals("highlighting");
            phases.merge(byFrame ? sample.phase() + " (" + sample.frame() + ")" : sample.phase(),
                    FxStackLog.SAMPLE_MS, Long::sum);
        }
        String text = phases.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(4)
                .map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
        return text.isEmpty() ? "-" : text;
    }

    /** "GC pause 3, UI CPU: CSS 2": how many stalls each verdict had, most first. */
    static String verdicts(List<Stall> stalls) {
        Map<String, Long> counts = stalls.stream()
                .collect(Collectors.groupingBy(Stall::verdict, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
