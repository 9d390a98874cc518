package io.cosmosdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's class list names classes that exist, and never the Azure SDK (it loads on the first connection). */
class StartupClassesTest {

    private static List<String> listed() throws IOException {
        try (InputStream in = StartupWarmUp.class.getResourceAsStream(StartupWarmUp.CLASS_LIST)) {
            assertNotNull(in, StartupWarmUp.CLASS_LIST + " is missing");
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(names::add);
            return names;
        }
    }

    @Test
    void everyListedClassExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : listed()) {
            try {
                Class.forName(name, false, StartupWarmUp.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "renamed or removed since " + StartupWarmUp.CLASS_LIST
                + " was made: regenerate it (packaging/README.md, Start-up)");
    }

    @Test
    void listHoldsTheStartPathAndNoAzureSdk() throws IOException {
        List<String> names = listed();
        assertTrue(names.contains(AppContext.class.getName()), "the list should hold the start path's classes");
        assertTrue(names.stream().noneMatch(name -> name.startsWith("com.azure.") || name.startsWith("reactor.")
                || name.startsWith("io.netty.")), "the Azure SDK loads on the first connection, never at start");
    }
}
