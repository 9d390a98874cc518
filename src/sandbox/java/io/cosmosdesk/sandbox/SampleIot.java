package io.cosmosdesk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.cosmosdesk.sandbox.SampleItems.JSON;
import static io.cosmosdesk.sandbox.SampleItems.a;
import static io.cosmosdesk.sandbox.SampleItems.pick;
import static io.cosmosdesk.sandbox.SampleItems.round;

/** Sample IoT telemetry: hierarchical keys /tenantId/deviceId/day, seeded so every run is the same. */
final class SampleIot {

    private static final String[] TENANTS = {"contoso", "fabrikam", "adatum-münchen", "wingtip-東京"};
    private static final int DEVICES_PER_TENANT = 6;
    private static final int DAYS = 7;
    private static final int READINGS_PER_DAY = 20;
    static final int TELEMETRY_COUNT = TENANTS.length * DEVICES_PER_TENANT * DAYS * READINGS_PER_DAY;

    private SampleIot() {
    }

    static Stream<ObjectNode> telemetry() {
        Random random = new Random(99);
        String[] kinds = a("thermostat", "air-quality", "door-sensor", "energy-meter", "freezer", "hvac");
        String[] sites = a("Hauptsitz München", "東京本社", "Rotterdam DC", "São Paulo – Loja 3");
        List<ObjectNode> readings = new ArrayList<>(TELEMETRY_COUNT);
        for (int t = 0; t < TENANTS.length; t++) {
            for (int d = 0; d < DEVICES_PER_TENANT; d++) {
                String kind = kinds[d % kinds.length];
                String deviceId = kind + "-" + String.format("%03d", t * 100 + d + 1);
                String site = sites[(t + d) % sites.length];
                double lon = 11.5 + t * 20 + random.nextDouble();
                double lat = 48.1 - t * 5 + random.nextDouble();
                for (int day = 0; day < DAYS; day++) {
                    Instant dayStart = Instant.parse("2024-05-01T00:00:00Z").plus(Duration.ofDays(day));
                    for (int r = 0; r < READINGS_PER_DAY; r++) {
                        Instant at = dayStart.plusSeconds(r * 4_320L + random.nextInt(600));
                        readings.add(reading(random, TENANTS[t], deviceId, kind, site, lon, lat, dayStart, at));
                    }
                }
            }
        }
        return readings.stream();
    }

    private static ObjectNode reading(Random random, String tenant, String deviceId, String kind, String site,
            double lon, double lat, Instant dayStart, Instant at) {
        ObjectNode node = JSON.objectNode()
                .put("id", deviceId + "@" + at)
                .put("tenantId", tenant)
                .put("deviceId", deviceId)
                .put("day", dayStart.toString().substring(0, 10))
                .put("ts", at.toString())
                .put("kind", kind);
        ObjectNode location = node.putObject("location").put("site", site).put("floor", random.nextInt(6));
        location.putObject("geo").put("type", "Point").putArray("coordinates")
                .add(round(lon, 5)).add(round(lat, 5));
        ObjectNode metrics = node.putObject("metrics");
        switch (kind) {
            case "thermostat", "hvac" -> metrics.put("temperatureC", round(19 + random.nextGaussian() * 2, 1))
                    .put("setpointC", 21.0).put("humidityPct", 35 + random.nextInt(30));
            case "air-quality" -> metrics.put("co2ppm", 400 + random.nextInt(900))
                    .put("pm25", round(random.nextDouble() * 30, 1)).put("vocIndex", random.nextInt(500));
            case "door-sensor" -> metrics.put("open", random.nextInt(5) == 0).put("openings", random.nextInt(40));
            case "energy-meter" -> metrics.put("kWh", round(random.nextDouble() * 12, 3))
                    .put("voltage", 228 + random.nextInt(6));
            default -> metrics.put("temperatureC", round(-19 + random.nextGaussian(), 1))
                    .put("compressorOn", random.nextBoolean());
        }
        boolean battery = kind.equals("door-sensor") || kind.equals("air-quality");
        node.put("batteryPct", battery ? 20 + random.nextInt(81) : null);
        node.put("firmware", pick(random, "2.4.1", "2.4.1", "2.5.0-beta"));
        boolean online = random.nextInt(25) != 0;
        node.put("online", online);
        ArrayNode alerts = node.putArray("alerts");
        if (!online) {
            alerts.addObject().put("code", "OFFLINE").put("severity", "warning")
                    .put("message", "No heartbeat for 15 min ⚠️");
        }
        node.putNull("error");
        return node;
    }
}
