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
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Builds the retail sample items (orders, products, invoices) and holds what every sample generator
 * shares (customers, regions, helpers). Each container's generator seeds its own {@link Random}, so every
 * container is reproducible on its own and the same run after run.
 */
final class SampleItems {
    static final int ORDER_COUNT = 12_000;
    static final int PRODUCT_COUNT = 400;
    static final int INVOICE_COUNT = 2_000;
    static final int CUSTOMER_COUNT = 1_500;

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant YEAR_START = Instant.parse("2024-01-01T00:00:00Z");
    private static final int YEAR_SECONDS = 366 * 24 * 3600;

    record Region(String country, double vatRate, String[] cities, String[] streets,
            String[] firstNames, String[] lastNames, boolean familyNameFirst) {
    }

    record Customer(String id, String name, String email, String tier, Region region, String city,
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

    static List<Customer> customers() {
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

    static ObjectNode customerNode(Customer customer, boolean withAddress) {
        ObjectNode node = JSON.objectNode().put("id", customer.id()).put("name", customer.name())
                .put("email", customer.email()).put("loyaltyTier", customer.tier());
        if (withAddress) {
            node.putObject("address").put("street", customer.street()).put("city", customer.city())
                    .put("postalCode", customer.postalCode()).put("country", customer.region().country());
        }
        return node;
    }

    // ---- helpers ----

    static String orderId(int index) {
        return String.format("SO-2024-%06d", index + 1);
    }

    static Instant instantIn2024(Random random) {
        return YEAR_START.plusSeconds(random.nextInt(YEAR_SECONDS));
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static double round(double value, int digits) {
        return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** A plain-ASCII form of a name for an e-mail address; empty for names with no Latin letters. */
    static String ascii(String name) {
        String latin = name.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o");
        return Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }

    static String[] a(String... values) {
        return values;
    }

    @SafeVarargs
    static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
