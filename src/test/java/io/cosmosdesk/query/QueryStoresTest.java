package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History, saved queries and open tabs: what goes in comes back from the file, private to the user. */
class QueryStoresTest {

    private static final ContainerKey ORDERS = new ContainerKey("https://Acct.documents.azure.com:443/", "retail",
            "orders");
    private static final ContainerKey PRODUCTS = new ContainerKey("https://acct.documents.azure.com:443", "retail",
            "products");

    @TempDir
    Path home;

    private static QueryDraft draft(String text) {
        return new QueryDraft(text, List.of(new QueryParameter("@city", ParameterType.TEXT, "Lyon"),
                new QueryParameter("@min", ParameterType.NUMBER, "2.5"), new QueryParameter("@n", ParameterType.NULL,
                        "")), QueryScope.partition(PartitionKeyValue.of("tenant-1", 42L)));
    }

    private static QueryHistory.Entry run(String text, int second) {
        return new QueryHistory.Entry(draft(text), Instant.parse("2026-12-06T07:00:00Z").plusSeconds(second), 3.25,
                17, Duration.ofMillis(123));
    }

    @Test
    void historyIsPerContainerNewestFirstAndSurvivesARestart() throws Exception {
        Path folder = home.resolve("data").resolve("query-history");
        QueryHistory history = new QueryHistory(folder);
        history.record(ORDERS, run("SELECT * FROM c", 1));
        history.record(ORDERS, run("SELECT VALUE COUNT(1) FROM c", 2));
        history.record(PRODUCTS, run("SELECT c.name FROM c", 3));

        QueryHistory reopened = new QueryHistory(folder);
        List<QueryHistory.Entry> orders = reopened.entries(ORDERS);
        assertThat(orders).extracting(entry -> entry.query().text())
                .containsExactly("SELECT VALUE COUNT(1) FROM c", "SELECT * FROM c");
        assertThat(orders.get(0)).isEqualTo(run("SELECT VALUE COUNT(1) FROM c", 2));
        assertThat(orders.get(0).query().scope().partitionKey()).isEqualTo(PartitionKeyValue.of("tenant-1", 42L));
        assertThat(orders.get(0).query().parameters()).extracting(QueryParameter::name)
                .containsExactly("@city", "@min", "@n");
        assertThat(reopened.entries(PRODUCTS)).hasSize(1);
        assertPrivate(folder, history.fileOf(ORDERS));
    }

    @Test
    void aRunThatReadMoreIsUpdatedWhereItIsAndALateSaveOfLessIsIgnored() {
        Path folder = home.resolve("h-update");
        QueryHistory history = new QueryHistory(folder);
        Instant started = Instant.parse("2026-12-06T07:00:10Z");
        history.record(ORDERS, run("SELECT 1", 1));
        history.record(ORDERS, new QueryHistory.Entry(draft("SELECT * FROM c"), started, 2.5, 100,
                Duration.ofMillis(20), 1));
        history.record(ORDERS, run("SELECT 2", 20)); // a run in another tab started meanwhile
        history.record(ORDERS, new QueryHistory.Entry(draft("SELECT * FROM c"), started, 40, 1600,
                Duration.ofMillis(900), 16));
        history.record(ORDERS, new QueryHistory.Entry(draft("SELECT * FROM c"), started, 5, 200,
                Duration.ofMillis(40), 2)); // a save of an earlier moment landing last

        List<QueryHistory.Entry> reopened = new QueryHistory(folder).entries(ORDERS);
        assertThat(reopened).extracting(entry -> entry.query().text())
                .containsExactly("SELECT 2", "SELECT * FROM c", "SELECT 1");
        assertThat(reopened.get(1)).isEqualTo(new QueryHistory.Entry(draft("SELECT * FROM c"), started, 40, 1600,
                Duration.ofMillis(900), 16));
        assertThat(HistoryPane.facts(reopened.get(1))).contains("40.00 RU · 1,600 rows in 16 pages · 900 ms");
    }

    @Test
    void historyKeepsTheLast500() {
        QueryHistory history = new QueryHistory(home.resolve("h"));
        for (int i = 0; i < QueryHistory.KEPT + 7; i++) {
            history.record(ORDERS, run("SELECT * FROM c WHERE c.n = " + i, i));
        }
        List<QueryHistory.Entry> entries = new QueryHistory(home.resolve("h")).entries(ORDERS);
        assertThat(entries).hasSize(QueryHistory.KEPT);
        assertThat(entries.get(0).query().text()).endsWith("= " + (QueryHistory.KEPT + 6));
        assertThat(entries.get(QueryHistory.KEPT - 1).query().text()).endsWith("= 7");
    }

    @Test
    void historySearchNeedsEveryWordInTheTextOrAValueIgnoringCase() {
        QueryHistory history = new QueryHistory(home.resolve("h"));
        history.record(ORDERS, run("SELECT * FROM c WHERE c.city = @city", 1));
        history.record(ORDERS, run("SELECT VALUE COUNT(1) FROM c", 2));
        assertThat(history.search(ORDERS, "count")).hasSize(1);
        assertThat(history.search(ORDERS, "WHERE  city")).hasSize(1);
        assertThat(history.search(ORDERS, "lyon")).hasSize(2); // a parameter's value
        assertThat(history.search(ORDERS, "count where")).isEmpty();
        assertThat(history.search(ORDERS, " ")).hasSize(2);
    }

    /** The list shows each run's scope ("Partition "C-10169""); searching for that value found nothing. */
    @Test
    void historySearchFindsARunByThePartitionKeyValueOfItsScope() {
        QueryHistory history = new QueryHistory(home.resolve("h"));
        history.record(ORDERS, new QueryHistory.Entry(new QueryDraft("SELECT * FROM c", List.of(),
                QueryScope.partition(PartitionKeyValue.of("C-10169"))), Instant.parse("2026-12-06T07:00:00Z"), 1, 8,
                Duration.ofMillis(5)));
        history.record(ORDERS, run("SELECT * FROM c", 2));
        assertThat(history.search(ORDERS, "c-10169")).extracting(e -> e.query().scope().isCrossPartition())
                .containsExactly(false);
    }

    @Test
    void aHistoryFileOfAnotherContainerIsSetAsideNotShown() throws Exception {
        Path folder = home.resolve("h");
        QueryHistory history = new QueryHistory(folder);
        history.record(ORDERS, run("SELECT 1", 1));
        Files.move(history.fileOf(ORDERS), history.fileOf(PRODUCTS));
        assertThat(new QueryHistory(folder).entries(PRODUCTS)).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.contains(".damaged-"));
        }
    }

    @Test
    void savedQueriesByNameIgnoringCaseSortedAndPrivate() throws Exception {
        Path file = home.resolve("config").resolve("saved-queries.json");
        SavedQueries saved = new SavedQueries(file);
        saved.save(new SavedQueries.Saved("orders by city", "SELECT * FROM c WHERE c.city = @city",
                draft("x").parameters()));
        saved.save(new SavedQueries.Saved("Count", "SELECT VALUE COUNT(1) FROM c", List.of()));
        saved.save(new SavedQueries.Saved(" Orders By City ", "SELECT * FROM c", List.of()));

        SavedQueries reopened = new SavedQueries(file);
        assertThat(reopened.all()).extracting(SavedQueries.Saved::name).containsExactly("Count", "Orders By City");
        assertThat(reopened.find("orders BY city")).get().extracting(SavedQueries.Saved::text)
                .isEqualTo("SELECT * FROM c");
        reopened.delete("count");
        assertThat(new SavedQueries(file).all()).extracting(SavedQueries.Saved::name)
                .containsExactly("Orders By City");
        assertPrivate(file.getParent(), file);
    }

    @Test
    void openTabsComeBackInOrderWithTextParametersScopeAndOrigin() throws Exception {
        Path file = home.resolve("config").resolve("open-query-tabs.json");
        OpenQueryTabs store = new OpenQueryTabs(file);
        List<OpenQueryTabs.OpenTab> tabs = List.of(
                new OpenQueryTabs.OpenTab("Sandbox", "https://127.0.0.1:8081", "retail", "orders",
                        draft("SELECT * FROM c\n-- second line"), "/home/me/q.sql", null),
                new OpenQueryTabs.OpenTab("Prod", "https://prod.documents.azure.com:443", "iot", "telemetry",
                        new QueryDraft("SELECT TOP 5 * FROM c", List.of(), QueryScope.partition(PartitionKeyValue.of("t1"))),
                        null, "top five"),
                new OpenQueryTabs.OpenTab("Sandbox", "https://127.0.0.1:8081", "retail", "orders",
                        QueryDraft.of(""), null, null));
        store.save(tabs);
        assertThat(new OpenQueryTabs(file).load()).isEqualTo(tabs);
        assertPrivate(file.getParent(), file);
    }

    @Test
    void noFileMeansNothingSavedYet() {
        assertThat(new OpenQueryTabs(home.resolve("none.json")).load()).isEmpty();
        assertThat(new SavedQueries(home.resolve("none.json")).all()).isEmpty();
        assertThat(new QueryHistory(home.resolve("none")).entries(ORDERS)).isEmpty();
    }

    private static void assertPrivate(Path folder, Path file) throws Exception {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
