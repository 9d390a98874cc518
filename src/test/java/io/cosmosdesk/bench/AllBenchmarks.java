package io.cosmosdesk.bench;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs every benchmark that exists, one after another, each printing its own figures. Benchmarks
 * are plain main classes in this package named {@code *Benchmark}.
 */
public final class AllBenchmarks {

    private static final List<String> BENCHMARKS = List.of("BrowseBenchmark", "EditorBenchmark", "MoveBenchmark",
            "ChangesBenchmark", "ExportBenchmark");

    private AllBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        for (String name : BENCHMARKS) {
            Class<?> type;
            try {
                type = Class.forName(AllBenchmarks.class.getPackageName() + "." + name);
            } catch (ClassNotFoundException e) {
                System.out.println("== " + name + ": not present");
                continue;
            }
            System.out.println("== " + name);
            Method main = type.getMethod("main", String[].class);
            main.invoke(null, (Object) args);
        }
        System.exit(0);
    }
}
