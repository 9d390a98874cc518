package io.cosmosdesk.app;

import static io.cosmosdesk.testing.MainWindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.MoveControl;
import io.cosmosdesk.move.MoveService;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.move.MoveStep;
import io.cosmosdesk.move.MoveStepListener;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import reactor.core.publisher.Flux;

/**
 * Headless: a move crashes half-way (the app died); on the next connection to that account the app offers
 * the unfinished move, and Resume finishes it: every item exists exactly once, in the target partition.
 */
@ExtendWith(CosmosServerExtension.class)
class RecoveryGuiIT {

    @TempDir
    static Path home;

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .home(() -> home).onShown(shown -> context = shown);

    /** Stands for the process dying at a step of the move. */
    private static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void anInterruptedMoveIsOfferedAfterConnectingAndResumeFinishesIt(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.executeBulkOperations(Flux.fromStream(IntStream.range(0, 10).mapToObj(i -> {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("id", "item-" + i).put("pk", "a").put("n", i);
            return CosmosBulkOperations.getCreateItemOperation(item, new PartitionKey("a"));
        }))).blockLast();
        ConnectionProfile profile = ConnectionProfile.create("Local", AuthKind.EMULATOR, server.endpoint());
        Credentials key = new Credentials.AccountKey(server.key());

        // the earlier run: the move dies after item 6's copy was recorded, before its source was deleted
        try (CosmosConnection connection = new CosmosClientFactory().open(profile, key)) {
            ContainerHandle handle = new ContainerHandle(connection, new ContainerInfo(
                    new ContainerRef(container.getDatabase().getId(), container.getId()), List.of("/pk"), false, null));
            MoveStepListener dies = (step, index, id) -> {
                if (step == MoveStep.AFTER_CREATE_RECORDED && index == 6) {
                    throw new Crash();
                }
            };
            MoveService crashing = new MoveService(home.resolve("data").resolve("moves"),
                    MoveTuning.defaults().withBatchSize(5), dies, io.cosmosdesk.testing.TestAudit.writes());
            List<MoveSource> sources = IntStream.range(0, 10)
                    .mapToObj(i -> MoveSource.ref("item-" + i, PartitionKeyValue.of("a"))).toList();
            assertThat(catchThrowable(() -> crashing.moveItems(handle, sources, PartitionKeyValue.of("b"),
                    MoveControl.none()))).isInstanceOf(Crash.class);
            assertThat(crashing.findUnfinishedJobs()).hasSize(1);
        }

        // this run: connecting to the same account offers the move
        robot.interact(() -> context.mainViewModel().connect(profile, key));
        waitFor("the unfinished move is offered", () -> recoveryDialog().isPresent());
        Node dialog = recoveryDialog().orElseThrow().getScene().getRoot();
        ListView<?> jobs = robot.from(dialog).lookup("#unfinishedJobs").queryAs(ListView.class);
        waitFor("the job is listed", () -> jobs.getItems().size() == 1);
        robot.interact(() -> jobs.getSelectionModel().select(0));
        robot.clickOn(robot.from(dialog).lookup("#resumeButton").queryButton());

        waitFor("every item is in the target partition exactly once", () -> count(container, "a") == 0
                && count(container, "b") == 10);
        waitFor("the job is finished", () -> context.moveService().findUnfinishedJobs().isEmpty());
        assertThat(container.queryItems("SELECT VALUE COUNT(1) FROM c", Long.class).blockFirst()).isEqualTo(10);
    }

    private static long count(CosmosAsyncContainer container, String pk) {
        return container.queryItems(new com.azure.cosmos.models.SqlQuerySpec(
                "SELECT VALUE COUNT(1) FROM c WHERE c.pk = @pk",
                List.of(new com.azure.cosmos.models.SqlParameter("@pk", pk))), Long.class).blockFirst();
    }

    private static Optional<Stage> recoveryDialog() {
        return Window.getWindows().stream().filter(window -> window instanceof Stage stage
                && "Unfinished moves".equals(stage.getTitle())).map(Stage.class::cast).findFirst();
    }
}
