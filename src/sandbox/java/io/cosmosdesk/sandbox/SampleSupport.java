package io.cosmosdesk.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.cosmosdesk.sandbox.SampleItems.CUSTOMER_COUNT;
import static io.cosmosdesk.sandbox.SampleItems.JSON;
import static io.cosmosdesk.sandbox.SampleItems.ORDER_COUNT;
import static io.cosmosdesk.sandbox.SampleItems.a;
import static io.cosmosdesk.sandbox.SampleItems.customerNode;
import static io.cosmosdesk.sandbox.SampleItems.customers;
import static io.cosmosdesk.sandbox.SampleItems.instantIn2024;
import static io.cosmosdesk.sandbox.SampleItems.money;
import static io.cosmosdesk.sandbox.SampleItems.orderId;
import static io.cosmosdesk.sandbox.SampleItems.pick;
import static io.cosmosdesk.sandbox.SampleItems.round;
import static io.cosmosdesk.sandbox.SampleItems.utf8Length;

/**
 * Sample support data: tickets keyed by a status that is missing on some and null on others, four tickets of
 * about 900 KB, escalations keyed by a number and conversations by a boolean. Seeded: the same every run.
 */
final class SampleSupport {

    static final int TICKET_COUNT = 1_500;
    static final int ESCALATION_COUNT = 400;
    static final int CONVERSATION_COUNT = 600;
    /**
     * Tickets of about 900 KB each (big attachments, a text log, a long history), under the 2 MB
     * item limit; their status (the partition key) is "open", null, missing and "pending".
     */
    static final List<String> LARGE_TICKET_IDS = List.of("Große Anhänge – Zoë Ångström",
            "Log bundle São Paulo – 東京", "Long history Łódź 2024", "Screenshots Kraków 📎");
    private static final int LARGE_TICKET_BYTES = 900_000;
    private static final String[] AGENTS = a("Agnieszka Nowak", "Tomás Ruiz", "渡辺 健二", "Sigrún Jónsdóttir",
            "Chidi Okafor");

    private SampleSupport() {
    }

    static Stream<ObjectNode> tickets() {
        Random random = new Random(5);
        List<SampleItems.Customer> customers = customers();
        return IntStream.range(0, TICKET_COUNT).mapToObj(i -> {
            int large = i % 375 == 100 ? i / 375 : -1; // four large tickets, spread out
            SampleItems.Customer customer = customers.get(random.nextInt(customers.size()));
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
}
