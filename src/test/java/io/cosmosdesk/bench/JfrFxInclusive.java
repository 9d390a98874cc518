package io.cosmosdesk.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The UI thread's method samples in a flight recording, inclusive: for each method, the share of samples with it
 * anywhere on the stack (each method once per sample). What a fixed cost of every open is made of, as a flat tree:
 * {@code java -cp target/test-classes io.cosmosdesk.bench.JfrFxInclusive rec.jfr [TOP [THREAD [METHOD [DEPTH]]]]}
 * (THREAD "Event Thread" under headless Monocle; METHOD, e.g. {@code EditorAreaHost.install}: the call chains below it,
 * DEPTH frames deep). Record with {@code -Dbench.jvm=-XX:StartFlightRecording=filename=a.jfr,settings=profile}.
 */
public final class JfrFxInclusive {

    private JfrFxInclusive() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 80;
        String threadName = args.length > 2 ? args[2] : "JavaFX Application Thread";
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        String focus = args.length > 3 ? args[3] : null;
        int depth = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Map<String, Integer> below = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")
                    || event.getThread("sampledThread") == null
                    || !threadName.equals(event.getThread("sampledThread").getJavaName())
                    || event.getStackTrace() == null) {
                continue;
            }
            total++;
            if (focus != null) {
                java.util.List<String> names = new java.util.ArrayList<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    names.add(frame.getMethod().getType().getName().replaceAll("^.*\\.", "") + "."
                            + frame.getMethod().getName());
                }
                int at = names.lastIndexOf(focus);
                if (at >= 0) {
                    StringBuilder chain = new StringBuilder();
                    for (int i = at; i >= Math.max(0, at - depth); i--) {
                        chain.append(i == at ? "" : " > ").append(names.get(i));
                    }
                    below.merge(chain.toString(), 1, Integer::sum);
                }
            }
            Set<String> seen = new HashSet<>();
            boolean first = true;
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String name = frame.getMethod().getType().getName().replaceAll("^.*\\.", "") + "."
                        + frame.getMethod().getName();
                if (first) {
                    self.merge(name, 1, Integer::sum);
                    first = false;
                }
                if (seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        int all = total;
        System.out.println(all + " samples of " + threadName + "; inclusive %, self %:");
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %5.1f  %s%n", 100.0 * e.getValue() / all,
                        100.0 * self.getOrDefault(e.getKey(), 0) / all, e.getKey()));
        if (focus != null) {
            System.out.println("below " + focus + " (samples):");
            below.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
        }
    }
}
