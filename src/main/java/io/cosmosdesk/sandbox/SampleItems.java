package io.cosmosdesk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Builds the sample items. Each container's generator seeds its own {@link Random}, so every
 * container is reproducible on its own and the same run after run.
 */
final class SampleItems {
    static final int ORDER_COUNT = 12_000;
    static final int PRODUCT_COUNT = 400;
    static final int INVOICE_COUNT = 2_000;
    static final int TICKET_COUNT = 1_500;
    static final int ESCALATION_COUNT = 400;
    static final int CONVERSATION_COUNT = 600;
    private static final String[] TENANTS = {"contoso", "fabrikam", "adatum-münchen", "wingtip-東京"};
    private static final int DEVICES_PER_TENANT = 6;
    private static final int DAYS = 7;
    private static final int READINGS_PER_DAY = 20;
    static final int TELEMETRY_COUNT = TENANTS.length * DEVICES_PER_TENANT * DAYS * READINGS_PER_DAY;
    /**
     * Tickets of about 900 KB each (big attachments, a text log, a long history), under the 2 MB
     * item limit; their status (the partition key) is "open", null, missing and "pending".
     */
    static final List<String> LARGE_TICKET_IDS = List.of("Große Anhänge – Zoë Ångström",
            "Log bundle São Paulo – 東京", "Long history Łódź 2024", "Screenshots Kraków 📎");
    private static final int CUSTOMER_COUNT = 1_500;
    private static final int LARGE_TICKET_BYTES = 900_000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant YEAR_START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int YEAR_SECONDS = 366 * 24 * 3600;

    private record Region(String country, double vatRate, String[] cities, String[] streets,
            String[] firstNames, String[] lastNames, boolean familyNameFirst) {
    }

    private record Customer(String id, String name, String email, String tier, Region region, String city,
            String street, String postalCode) {
    }

    private record Category(String id, String skuPrefix, String[] nouns, int minEuros, int maxEuros) {
    }

    private record Product(String id, String sku, String name, String category, long priceCents) {
    }

    private static final Region[] REGIONS = {
        new Region("US", 0.0725, a("Seattle", "New York", "Austin", "Chicago"),
                a("Pine Street", "Main Street", "Maple Avenue", "Elm Court"),
                a("Emily", "Michael", "Olivia", "James", "Sophia", "Daniel"),
                a("Johnson", "Smith", "O'Brien", "Garcia", "Nguyen", "Miller"), false),
        new Region("DE", 0.19, a("Berlin", "München", "Köln", "Düsseldorf"),
                a("Hauptstraße", "Schloßallee", "Bäckerweg", "Goethestraße"),
                a("Jürgen", "Björn", "Lena", "Mia", "Lukas"), a("Müller", "Schäfer", "Groß", "Weiß", "Köhler"),
                false),
        new Region("FR", 0.20, a("Paris", "Lyon", "Besançon", "Nîmes"),
                a("Rue de la Paix", "Boulevard Saint-Michel", "Allée des Tilleuls", "Rue Lepic"),
                a("Zoë", "Chloé", "Hélène", "François", "Jérôme"), a("Dubois", "Lefèvre", "Girard", "Bérenger"),
                false),
        new Region("SE", 0.25, a("Stockholm", "Göteborg", "Malmö", "Västerås"),
                a("Storgatan", "Drottninggatan", "Kungsgatan", "Sveavägen"),
                a("Åsa", "Björn", "Märta", "Sören", "Zoë"), a("Ångström", "Öberg", "Lindqvist", "Sjöström"),
                false),
        new Region("JP", 0.10, a("東京", "大阪", "京都", "札幌"), a("銀座", "梅田", "祇園", "大通"),
                a("陽子", "健太", "さくら", "翔"), a("田中", "佐藤", "鈴木", "高橋"), true),
        new Region("BR", 0.17, a("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Florianópolis"),
                a("Rua Augusta", "Avenida Paulista", "Rua das Flores", "Praça da Sé"),
                a("João", "Ana", "Luíza", "Thiago"), a("Araújo", "Conceição", "Gonçalves", "Simões"), false),
        new Region("PL", 0.23, a("Kraków", "Łódź", "Warszawa", "Gdańsk"),
                a("ul. Długa", "ul. Świętojańska", "ul. Piotrkowska", "ul. Floriańska"),
                a("Łukasz", "Zofia", "Wojciech", "Małgorzata"), a("Wójcik", "Kowalczyk", "Żak", "Dąbrowski"),
                false),
        new Region("GR", 0.24, a("Αθήνα", "Θεσσαλονίκη", "Πάτρα"), a("Οδός Ερμού", "Λεωφόρος Συγγρού"),
                a("Αλέξανδρος", "Ελένη", "Νίκος"), a("Παπαδόπουλος", "Ιωάννου", "Γεωργίου"), false),
        new Region("IN", 0.18, a("Bengaluru", "Mumbai", "Pune"), a("MG Road", "Linking Road", "FC Road"),
                a("Priya", "Arjun", "Ananya", "Rohan"), a("Sharma", "Iyer", "Patel", "Reddy"), false),
    };

    private static final Category[] CATEGORIES = {
        new Category("coffee-tea", "CAF",
                a("Espresso Beans 1 kg", "Sencha Green Tea", "Pour-Over Kettle", "Café Crème Pods"), 6, 90),
        new Category("kitchen", "KIT", a("Chef's Knife", "Cast-Iron Skillet", "Crêpe Pan", "Knife Block"),
                12, 240),
        new Category("outdoor", "OUT", a("Trail Backpack 28 L", "Down Jacket", "Trekking Poles", "Tent 2P"),
                15, 480),
        new Category("electronics", "ELE", a("Noise-Cancelling Headphones", "USB-C Hub", "E-Reader",
                "Mechanical Keyboard"), 19, 399),
        new Category("books", "BOK", a("Cookbook", "Travel Guide", "Field Notes", "Poetry Collection"), 8, 60),
        new Category("toys", "TOY", a("Wooden Train Set", "Puzzle 1000 pcs", "Plush Bear", "Kite"), 9, 120),
        new Category("apparel", "APP", a("Merino Sweater", "Rain Jacket", "Linen Shirt", "Wool Socks"),
                10, 220),
        new Category("garden", "GAR", a("Watering Can", "Pruning Shears", "Raised Bed", "Seed Kit"), 7, 300),
    };
    private static final String[] PRODUCT_STYLES = a("Classic", "Nordic", "Kyoto", "Alpine", "Urban",
            "Lumière", "Zürich", "Fjäll", "Ōsaka", "Bergen", "Mistral", "Façade");
    private static final String[] BRANDS = a("Ångström & Co", "Kōbō", "Northwind", "Contoso", "Maison Lumière");
    private static final String[] AGENTS = a("Agnieszka Nowak", "Tomás Ruiz", "渡辺 健二", "Sigrún Jónsdóttir",
            "Chidi Okafor");

    private SampleItems() {
    }

    // ---- retail ----

    static Stream<ObjectNode> orders() {
        Random random = new Random(42);
        List<Customer> customers = customers();
        List<Product> products = products(new Random(7));
        return IntStream.range(0, ORDER_COUNT).mapToObj(i -> order(i, random, customers, products));
    }

    private static ObjectNode order(int i, Random random, List<Customer> customers, List<Product> products) {
        // squared: a few customers order a lot, most only once or twice
        Customer customer = customers.get((int) (Math.pow(random.nextDouble(), 2) * customers.size()));
        Instant placed = instantIn2024(random);
        ObjectNode order = JSON.objectNode()
                .put("id", orderId(i))
                .put("type", "order")
                .put("orderNumber", 100_000 + i)
                .put("customerId", customer.id());
        order.set("customer", customerNode(customer, true));
        order.put("orderDate", placed.toString());
        boolean newSchema = placed.isAfter(Instant.parse("2024-04-01T00:00:00Z"));
        order.put("schemaVersion", newSchema ? 2 : 1);
        if (newSchema) { // older orders predate the channel field
            order.put("channel", pick(random, "web", "web", "mobile", "store"));
        }
        String status = pick(random, "delivered", "delivered", "delivered", "delivered", "delivered",
                "shipped", "shipped", "paid", "placed", "cancelled", "returned");
        order.put("status", status);

        ArrayNode lines = order.putArray("lineItems");
        long subtotal = 0;
        int lineCount = 1 + random.nextInt(5);
        for (int line = 1; line <= lineCount; line++) {
            Product product = products.get(random.nextInt(products.size()));
            int quantity = 1 + random.nextInt(random.nextInt(10) == 0 ? 12 : 3);
            long lineTotal = product.priceCents() * quantity;
            subtotal += lineTotal;
            lines.addObject().put("lineNo", line).put("sku", product.sku()).put("productId", product.id())
                    .put("name", product.name()).put("category", product.category()).put("quantity", quantity)
                    .put("unitPrice", money(product.priceCents())).put("lineTotal", money(lineTotal));
        }
        String coupon = random.nextInt(5) == 0 ? pick(random, "WELCOME10", "SPRING24", "VIP-15") : null;
        long discount = coupon == null ? 0 : subtotal / 10;
        long shipping = subtotal - discount >= 5_000 ? 0 : 495;
        long tax = Math.round((subtotal - discount) * customer.region().vatRate());
        ObjectNode totals = order.putObject("totals");
        totals.put("subtotal", money(subtotal)).put("discount", money(discount)).put("shipping", money(shipping))
                .put("tax", money(tax)).put("grandTotal", money(subtotal - discount + shipping + tax))
                .put("currency", "EUR");
        order.put("couponCode", coupon);

        boolean gift = random.nextInt(8) == 0;
        order.put("gift", gift);
        order.put("giftMessage", gift ? pick(random, "Alles Gute zum Geburtstag! 🎂", "お誕生日おめでとう 🎉",
                "Feliz Natal! 🎄", "Happy anniversary ❤️", "Grattis på namnsdagen, Zoë! 🌷") : null);
        int noteChance = random.nextInt(10);
        if (noteChance == 0) {
            order.put("notes", pick(random, "Please leave at the door 🚪", "Ring twice, the dog is friendly 🐕",
                    "Deliver to reception – 3rd floor", "Bitte beim Nachbarn abgeben", "置き配でお願いします 📦",
                    "Entregar na portaria, por favor 🙏"));
        } else if (noteChance < 5) {
            order.putNull("notes");
        } // otherwise no notes property at all, as in orders from the old checkout

        ObjectNode payment = order.putObject("payment");
        String method = pick(random, "card", "card", "card", "paypal", "invoice", "klarna");
        payment.put("method", method);
        payment.put("last4", method.equals("card") ? String.format("%04d", random.nextInt(10_000)) : null);
        payment.put("captured", !status.equals("placed") && !status.equals("cancelled"));

        boolean shipped = status.equals("shipped") || status.equals("delivered") || status.equals("returned");
        Instant shippedAt = placed.plus(Duration.ofHours(6 + random.nextInt(70)));
        order.put("shippedAt", shipped ? shippedAt.toString() : null);
        order.put("deliveredAt", status.equals("delivered")
                ? shippedAt.plus(Duration.ofHours(20 + random.nextInt(100))).toString() : null);
        if (random.nextInt(4) == 0) {
            order.putArray("tags").add(pick(random, "priority", "wholesale", "first-order", "repeat"))
                    .add(pick(random, "newsletter", "black-friday", "app"));
        }
        return order;
    }

    static Stream<ObjectNode> products() {
        return products(new Random(7)).stream().map(product -> productNode(product, new Random(
                product.sku().hashCode())));
    }

    private static List<Product> products(Random random) {
        List<Product> products = new ArrayList<>(PRODUCT_COUNT);
        for (int i = 0; i < PRODUCT_COUNT; i++) {
            Category category = CATEGORIES[i % CATEGORIES.length];
            String name = pick(random, PRODUCT_STYLES) + " " + pick(random, category.nouns());
            String sku = category.skuPrefix() + "-" + (1_000 + i);
            long price = (category.minEuros() + random.nextInt(category.maxEuros() - category.minEuros())) * 100L
                    + pick(random, 0, 50, 90, 95, 99);
            // ids with spaces, apostrophes and non-ASCII letters, as real catalogues have
            products.add(new Product(name + " " + sku, sku, name, category.id(), price));
        }
        return products;
    }

    private static ObjectNode productNode(Product product, Random random) {
        ObjectNode node = JSON.objectNode()
                .put("id", product.id())
                .put("sku", product.sku())
                .put("name", product.name())
                .put("category", product.category())
                .put("brand", pick(random, BRANDS))
                .put("price", money(product.priceCents()))
                .put("currency", "EUR")
                .put("stock", random.nextInt(6) == 0 ? 0 : random.nextInt(500));
        boolean active = random.nextInt(12) != 0;
        node.put("active", active);
        node.put("discontinuedAt", active ? null : instantIn2024(random).toString());
        int reviews = random.nextInt(4) == 0 ? 0 : random.nextInt(2_000);
        node.put("reviewCount", reviews);
        node.put("rating", reviews == 0 ? null : BigDecimal.valueOf(25 + random.nextInt(26), 1));
        node.putObject("dimensions").put("weightKg", BigDecimal.valueOf(50 + random.nextInt(5_000), 3))
                .put("lengthCm", 5 + random.nextInt(90)).put("widthCm", 5 + random.nextInt(60))
                .put("heightCm", 2 + random.nextInt(40));
        node.putArray("tags").add(product.category()).add(pick(random, "bestseller", "new", "eco", "sale"));
        node.put("description", product.name() + " – " + pick(random, "handmade in Portugal",
                "designed in Göteborg", "京都の職人による手作り", "recycled materials ♻️", "fair-trade certified"));
        node.put("createdAt", instantIn2024(random).toString());
        return node;
    }

    static Stream<ObjectNode> invoices() {
        Random random = new Random(23);
        List<Customer> customers = customers();
        return IntStream.range(0, INVOICE_COUNT).mapToObj(i -> {
            Customer customer = customers.get(random.nextInt(customers.size()));
            Instant issued = instantIn2024(random);
            ObjectNode invoice = JSON.objectNode().put("id", String.format("INV-2024-%05d", i + 1));
            invoice.putObject("customer").put("id", customer.id()).put("name", customer.name())
                    .put("country", customer.region().country())
                    .put("vatId", random.nextInt(3) == 0
                            ? customer.region().country() + (100_000_000L + random.nextInt(900_000_000)) : null);
            invoice.put("orderId", orderId(random.nextInt(ORDER_COUNT)));
            invoice.put("issuedAt", issued.toString()).put("dueAt", issued.plus(Duration.ofDays(30)).toString());
            ArrayNode lines = invoice.putArray("lines");
            long net = 0;
            for (int line = 0, count = 1 + random.nextInt(4); line < count; line++) {
                long unit = 500 + random.nextInt(30_000);
                int quantity = 1 + random.nextInt(4);
                net += unit * quantity;
                lines.addObject().put("description", pick(random, "Consulting hours", "Gift wrapping 🎁",
                                "Expedited shipping", "Extended warranty", "Éco-participation"))
                        .put("quantity", quantity).put("unitPrice", money(unit)).put("amount", money(unit * quantity));
            }
            long vat = Math.round(net * customer.region().vatRate());
            invoice.put("net", money(net)).put("vat", money(vat)).put("total", money(net + vat)).put("currency", "EUR");
            boolean paid = random.nextInt(4) != 0;
            invoice.put("paid", paid);
            invoice.put("paidAt", paid ? issued.plus(Duration.ofDays(random.nextInt(40))).toString() : null);
            invoice.put("reminders", paid ? 0 : random.nextInt(3));
            return invoice;
        });
    }

    private static List<Customer> customers() {
        Random random = new Random(11);
        List<Customer> customers = new ArrayList<>(CUSTOMER_COUNT);
        for (int i = 0; i < CUSTOMER_COUNT; i++) {
            Region region = i == 0 ? REGIONS[3] : REGIONS[random.nextInt(REGIONS.length)];
            String first = i == 0 ? "Zoë" : pick(random, region.firstNames());
            String last = i == 0 ? "Ångström" : pick(random, region.lastNames());
            String name = region.familyNameFirst() ? last + first : first + " " + last;
            String local = ascii(first) + "." + ascii(last);
            String email = (local.length() > 1 ? local + (i % 7 == 0 ? "" : i) : "customer" + i)
                    + "@example." + region.country().toLowerCase(java.util.Locale.ROOT);
            customers.add(new Customer(String.format("C-%05d", 10_000 + i), name, email,
                    pick(random, "bronze", "bronze", "silver", "gold", "platinum"), region,
                    pick(random, region.cities()), pick(random, region.streets()) + " " + (1 + random.nextInt(120)),
                    String.format("%05d", random.nextInt(100_000))));
        }
        return customers;
    }

    private static ObjectNode customerNode(Customer customer, boolean withAddress) {
        ObjectNode node = JSON.objectNode().put("id", customer.id()).put("name", customer.name())
                .put("email", customer.email()).put("loyaltyTier", customer.tier());
        if (withAddress) {
            node.putObject("address").put("street", customer.street()).put("city", customer.city())
                    .put("postalCode", customer.postalCode()).put("country", customer.region().country());
        }
        return node;
    }

    // ---- iot ----

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

    // ---- support ----

    static Stream<ObjectNode> tickets() {
        Random random = new Random(5);
        List<Customer> customers = customers();
        return IntStream.range(0, TICKET_COUNT).mapToObj(i -> {
            int large = i % 375 == 100 ? i / 375 : -1; // four large tickets, spread out
            Customer customer = customers.get(random.nextInt(customers.size()));
            String id = large >= 0 ? LARGE_TICKET_IDS.get(large)
                    : i % 50 == 5 ? "Rückruf " + customer.name() + " " + i
                    : String.format("TCK-%06d", i + 1);
            ObjectNode ticket = JSON.objectNode().put("id", id);
            // the partition key is missing on some tickets and null on others (older imports)
            // the large ones: "open", null, missing, "pending"
            if (large == 0 || large == 3) {
                ticket.put("status", large == 0 ? "open" : "pending");
            } else if (large == 1 || large < 0 && i % 20 == 13) {
                ticket.putNull("status");
            } else if (large < 0 && i % 20 != 7) {
                ticket.put("status", pick(random, "open", "open", "pending", "in-progress", "resolved", "closed"));
            }
            Instant created = instantIn2024(random);
            ticket.put("subject", pick(random, "Order arrived damaged", "Rechnung doppelt belastet",
                            "配送状況について", "Não recebi o reembolso", "Cannot log in after password reset 🔒",
                            "Wrong size – exchange please", "Où est mon colis ?"))
                    .put("priority", 1 + random.nextInt(5))
                    .put("channel", pick(random, "email", "chat", "phone", "web-form"));
            ticket.set("requester", customerNode(customer, false));
            ticket.put("assignee", random.nextInt(4) == 0 ? null : pick(random, AGENTS));
            ticket.put("orderId", random.nextBoolean() ? orderId(random.nextInt(ORDER_COUNT)) : null);
            ticket.put("createdAt", created.toString())
                    .put("updatedAt", created.plus(Duration.ofMinutes(random.nextInt(20_000))).toString());
            ticket.putObject("sla").put("dueAt", created.plus(Duration.ofHours(24)).toString())
                    .put("breached", random.nextInt(6) == 0);
            ticket.put("satisfaction", random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null);
            ArrayNode messages = ticket.putArray("messages");
            for (int m = 0, count = 1 + random.nextInt(5); m < count; m++) {
                messages.addObject().put("at", created.plus(Duration.ofHours(m * 3L)).toString())
                        .put("from", m % 2 == 0 ? "customer" : "agent")
                        .put("body", pick(random, "Hello, my parcel has not arrived yet.",
                                "Danke für die schnelle Antwort! 👍", "返金はいつになりますか？",
                                "We have re-sent the item, tracking follows.", "Obrigado, resolvido ✅"));
            }
            if (large >= 0) {
                addLargeContent(ticket, large, created);
            }
            return ticket;
        });
    }

    /** Grows a ticket to about {@link #LARGE_TICKET_BYTES}: base64 files, a text log or a long thread. */
    private static void addLargeContent(ObjectNode ticket, int kind, Instant created) {
        Random random = new Random(1_000 + kind);
        ArrayNode attachments = ticket.putArray("attachments");
        int budget = LARGE_TICKET_BYTES;
        switch (kind) {
            case 0 -> attachments.add(base64File(random, "Lieferschein-Scan.pdf", "application/pdf", budget));
            case 1 -> {
                StringBuilder log = new StringBuilder(budget + 200);
                for (int line = 0; log.length() < budget; line++) {
                    log.append(created.plusMillis(line * 137L)).append(' ')
                            .append(pick(random, "INFO ", "INFO ", "WARN ", "ERROR")).append(" [checkout-")
                            .append(random.nextInt(8)).append("] ")
                            .append(pick(random, "Payment authorised for order ", "Retrying webhook for order ",
                                    "Stock reserved for order ", "Timeout calling carrier API for order "))
                            .append(orderId(random.nextInt(ORDER_COUNT))).append(" in ")
                            .append(5 + random.nextInt(900)).append(" ms\n");
                }
                attachments.addObject().put("fileName", "checkout-säo-paulo.log").put("contentType", "text/plain")
                        .put("encoding", "utf-8").put("sizeBytes", log.length()).put("content", log.toString());
            }
            case 2 -> {
                ArrayNode history = ticket.putArray("history");
                for (int entry = 0, size = 0; size < budget; entry++) {
                    String text = "Entry " + entry + ": " + pick(random,
                            "Kunde meldet sich erneut, Paket weiterhin nicht zugestellt. Spedition kontaktiert. ",
                            "Customer called again; escalated to the carrier and promised an update by tomorrow. ",
                            "Zamówienie przekazane do magazynu w Łodzi, oczekujemy na potwierdzenie wysyłki. ")
                            + "Ref " + orderId(random.nextInt(ORDER_COUNT)) + ".";
                    String agent = pick(random, AGENTS);
                    history.addObject().put("at", created.plus(Duration.ofMinutes(entry * 47L)).toString())
                            .put("by", agent)
                            .put("action", pick(random, "comment", "reassign", "status-change", "note"))
                            .put("text", text);
                    size += utf8Length(text) + utf8Length(agent) + 60; // 60: names, quotes, date, action
                }
            }
            default -> {
                for (int file = 1; file <= 3; file++) {
                    attachments.add(base64File(random, "screenshot-" + file + ".png", "image/png", budget / 3));
                }
            }
        }
    }

    private static ObjectNode base64File(Random random, String fileName, String contentType, int encodedSize) {
        byte[] bytes = new byte[encodedSize / 4 * 3];
        random.nextBytes(bytes);
        return JSON.objectNode().put("fileName", fileName).put("contentType", contentType)
                .put("encoding", "base64").put("sizeBytes", bytes.length)
                .put("content", Base64.getEncoder().encodeToString(bytes));
    }

    static Stream<ObjectNode> escalations() {
        Random random = new Random(13);
        return IntStream.range(0, ESCALATION_COUNT).mapToObj(i -> {
            boolean resolved = random.nextInt(3) != 0;
            ObjectNode node = JSON.objectNode()
                    .put("id", String.format("ESC-%05d", i + 1))
                    .put("priority", pick(random, 1, 2, 2, 3, 3, 3, 4, 4, 5)) // a number partition key
                    .put("ticketId", String.format("TCK-%06d", 1 + random.nextInt(TICKET_COUNT)))
                    .put("reason", pick(random, "VIP customer", "Chargeback risk", "Rückerstattung überfällig",
                            "Carrier lost parcel 📦", "Legal complaint"))
                    .put("team", pick(random, "Payments", "Logistik", "カスタマーサポート", "Trust & Safety"))
                    .put("escalatedAt", instantIn2024(random).toString())
                    .put("owner", pick(random, AGENTS))
                    .put("resolved", resolved)
                    .put("resolutionHours", resolved ? round(1 + random.nextDouble() * 96, 1) : null);
            node.putObject("customerImpact").put("affectedOrders", 1 + random.nextInt(12))
                    .put("revenueAtRiskEur", money(1_000 + random.nextInt(500_000)));
            return node;
        });
    }

    static Stream<ObjectNode> conversations() {
        Random random = new Random(17);
        return IntStream.range(0, CONVERSATION_COUNT).mapToObj(i -> {
            boolean archived = random.nextInt(3) == 0; // a boolean partition key
            Instant started = instantIn2024(random);
            ObjectNode node = JSON.objectNode()
                    .put("id", String.format("conv-%05d", i + 1))
                    .put("archived", archived)
                    .put("channel", pick(random, "chat", "email", "whatsapp", "instagram"))
                    .put("language", pick(random, "en", "de", "ja", "pt-BR", "sv", "pl"))
                    .put("startedAt", started.toString())
                    .put("lastMessageAt", started.plus(Duration.ofMinutes(random.nextInt(5_000))).toString())
                    .put("messageCount", 1 + random.nextInt(60))
                    .put("sentiment", round(random.nextDouble() * 2 - 1, 2))
                    .put("archivedAt", archived ? started.plus(Duration.ofDays(30)).toString() : null)
                    .put("summary", pick(random, "Customer happy with exchange 😊", "Lieferung verspätet, Gutschein angeboten",
                            "返品手続きを案内しました", "Cliente pediu segunda via do boleto", "Asked about gift wrapping 🎁"));
            node.putArray("participants").add(pick(random, AGENTS)).add(String.format("C-%05d",
                    10_000 + random.nextInt(CUSTOMER_COUNT)));
            return node;
        });
    }

    // ---- helpers ----

    private static String orderId(int index) {
        return String.format("SO-2024-%06d", index + 1);
    }

    private static Instant instantIn2024(Random random) {
        return YEAR_START.plusSeconds(random.nextInt(YEAR_SECONDS));
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static double round(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** A plain-ASCII form of a name for an e-mail address; empty for names with no Latin letters. */
    private static String ascii(String name) {
        String latin = name.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o");
        return Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static String[] a(String... values) {
        return values;
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
