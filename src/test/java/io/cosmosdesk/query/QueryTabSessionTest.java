package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open query tabs of the last session come back when their connection opens; a gone container keeps its text. */
class QueryTabSessionTest {

    @TempDir
    Path home;

    private final DialogService dialogs = mock(DialogService.class);
    private final List<QueryTabSession.Restored> reopened = new ArrayList<>();
    private OpenQueryTabs store;
    private SavedQueries saved;
    private final CosmosConnection prod = connection("Prod", "https://prod.documents.azure.com:443/");
    private final CosmosConnection dev = connection("Dev", "https://dev.documents.azure.com:443/");

    private static CosmosConnection connection(String name, String endpoint) {
        return new CosmosConnection(ConnectionProfile.create(name, AuthKind.KEY, endpoint), mock(CosmosAsyncClient.class));
    }

    private static ContainerInfo container(String database, String id) {
        return new ContainerInfo(new ContainerRef(database, id), List.of("/tenant", "/user"), false, null);
    }

    private static OpenQueryTabs.OpenTab tab(CosmosConnection on, String database, String container, QueryDraft query,
            String file, String savedName) {
        return new OpenQueryTabs.OpenTab(on.profile().name(), on.profile().endpoint(), database, container, query,
                file, savedName);
    }

    private QueryTabSession session() {
        return new QueryTabSession(store, saved, (connection, database) -> switch (database) {
            case "retail" -> List.of(container("retail", "orders"), container("retail", "customers"));
            case "gone" -> throw new CosmosDeskException(ErrorKind.NOT_FOUND, "The database gone does not exist.");
            default -> throw new CosmosDeskException(ErrorKind.UNREACHABLE, "The account cannot be reached.");
        }, ImmediateTaskRunner.immediate(), dialogs);
    }

    @BeforeEach
    void setUp() {
        store = new OpenQueryTabs(home.resolve("open-query-tabs.json"));
        saved = new SavedQueries(home.resolve("saved-queries.json"));
    }

    @Test
    void tabsComeBackWithTextParametersScopeAndOriginWhenTheirConnectionOpens() throws Exception {
        Path file = home.resolve("report.sql");
        Files.writeString(file, "SELECT VALUE COUNT(1) FROM c");
        QueryDraft prefix = new QueryDraft("SELECT * FROM c WHERE c.n > @n",
                List.of(new QueryParameter("@n", ParameterType.NUMBER, "3")),
                QueryScope.partition(PartitionKeyValue.of("t1")));
        store.save(List.of(tab(prod, "retail", "orders", prefix, null, null),
                tab(dev, "retail", "customers", QueryDraft.of("SELECT 1"), null, null),
                tab(prod, "retail", "customers", QueryDraft.of("SELECT VALUE COUNT(1) FROM c"), file.toString(), null)));
        QueryTabSession session = session();

        session.start(List::of, reopened::add);
        assertThat(reopened).isEmpty();
        assertThat(session.pending()).hasSize(3);

        session.connected(prod, reopened::add);
        assertThat(reopened).extracting(r -> r.container().ref().containerId()).containsExactly("orders", "customers");
        assertThat(reopened.get(0).tab().query()).isEqualTo(prefix);
        assertThat(reopened.get(0).container().connection()).isSameAs(prod);
        assertThat(reopened.get(0).baseline()).as("a never-saved query counts as changed from a new tab's text")
                .isEqualTo(QueryTabViewModel.NEW_QUERY_TEXT);
        assertThat(reopened.get(1).tab().sqlFile()).isEqualTo(file.toString());
        assertThat(reopened.get(1).baseline()).isEqualTo("SELECT VALUE COUNT(1) FROM c");

        // the tab of the connection not opened stays in the file beside the open ones
        assertThat(session.pending()).extracting(OpenQueryTabs.OpenTab::connectionName).containsExactly("Dev");
        session.saveNow(List.of(tab(prod, "retail", "orders", QueryDraft.of("SELECT 2"), null, null)));
        assertThat(store.load()).extracting(OpenQueryTabs.OpenTab::connectionName).containsExactly("Prod", "Dev");
        verify(dialogs, never()).showInformation(anyString(), anyString());
    }

    @Test
    void aConnectionOpenBeforeTheFileWasReadGetsItsTabsOnceItIs() {
        store.save(List.of(tab(prod, "retail", "orders", QueryDraft.of("SELECT 3"), null, null)));
        ImmediateTaskRunner deferred = ImmediateTaskRunner.deferred();
        QueryTabSession session = new QueryTabSession(store, saved, (c, d) -> List.of(container("retail", "orders")),
                deferred, dialogs);
        session.start(() -> List.of(prod), reopened::add);
        session.connected(prod, reopened::add); // the file is not read yet
        session.save(List.of()); // and nothing is written over it meanwhile
        assertThat(store.load()).hasSize(1);
        deferred.runAllPending();
        deferred.runAllPending();
        assertThat(reopened).singleElement().extracting(r -> r.tab().query().text()).isEqualTo("SELECT 3");
    }

    @Test
    void aTabWhoseContainerIsGoneIsSaidAndItsTextKeptAsASavedQuery() {
        store.save(List.of(tab(prod, "retail", "invoices", QueryDraft.of("SELECT * FROM c WHERE c.paid"), null, null),
                tab(prod, "gone", "things", QueryDraft.of("SELECT * FROM c WHERE c.x"), null, null)));
        QueryTabSession session = session();
        session.start(List::of, reopened::add);
        session.connected(prod, reopened::add);

        assertThat(reopened).isEmpty();
        assertThat(saved.all()).extracting(SavedQueries.Saved::text)
                .containsExactlyInAnyOrder("SELECT * FROM c WHERE c.paid", "SELECT * FROM c WHERE c.x");
        assertThat(saved.all()).extracting(SavedQueries.Saved::name).allMatch(name -> name.startsWith("Query on "));
        verify(dialogs).showInformation(eq("Query tabs not restored"), contains("retail/invoices on Prod no longer "
                + "exists"));
        assertThat(session.pending()).isEmpty();
    }

    @Test
    void anUnreachableAccountKeepsTheTabsForTheNextConnect() {
        store.save(List.of(tab(prod, "offline", "orders", QueryDraft.of("SELECT 4"), null, null)));
        QueryTabSession session = session();
        session.start(List::of, reopened::add);
        session.connected(prod, reopened::add);
        assertThat(reopened).isEmpty();
        assertThat(session.pending()).hasSize(1);
        verify(dialogs).showInformation(eq("Query tabs not restored"), contains("comes back the next time"));
        assertThat(saved.all()).isEmpty();
    }
}
