package io.cosmosdesk.editor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A look at the editor pane on a real display (no server: a mocked service), for screenshots:
 * {@code java ... EditorPreview light|dark edit|invalid|conflict|readonly|new}.
 */
public final class EditorPreview {

    static final String ITEM = """
            {"id":"order-1042","customerId":"c-77","status":"shipped","total":129.95,"paid":true,"coupon":null,
             "lines":[{"sku":"A-1","qty":2,"price":19.99},{"sku":"B-7","qty":1,"price":90.0}],
             "address":{"city":"Oslo","zip":"0150","country":"NO"},"notes":"Leave at the door",
             "_rid":"Zk0BAKz1WQABAAAAAAAAAA==","_self":"dbs/Zk0BAA==/colls/Zk0BAKz1WQA=/docs/Zk0BAKz1WQABAAAAAAAAAA==/",
             "_etag":"\\"0000d86d-0000-0700-0000-6744b9a30000\\"","_attachments":"attachments/","_ts":1732557219}
            """;

    public static void main(String[] args) {
        Application.launch(Preview.class, args);
    }

    /** The JavaFX application (a nested class: a main class extending Application needs the module path). */
    public static final class Preview extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        String theme = args.isEmpty() ? "light" : args.get(0);
        String scenario = args.size() < 2 ? "edit" : args.get(1);
        Theme.fromName(theme).apply();

        ObjectMapper json = new ObjectMapper();
        ObjectNode item = (ObjectNode) json.readTree(ITEM);
        ItemService items = mock(ItemService.class);
        when(items.readItem(any(), any(), any())).thenReturn(new ItemVersion(item, item.get("_etag").asText()));
        ObjectNode theirs = item.deepCopy();
        theirs.put("status", "cancelled");
        theirs.put("total", 0);
        if (scenario.equals("conflict")) {
            when(items.replaceItem(any(), any(), any()))
                    .thenThrow(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        }
        ConnectionProfile profile = ConnectionProfile.create("Orders (prod)", AuthKind.KEY,
                "https://orders.documents.azure.com").withReadOnly(scenario.equals("readonly"));
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("shop", "orders"), List.of("/customerId"), false, null));

        FxDialogService dialogs = new FxDialogService(stage);
        FxTaskRunner tasks = new FxTaskRunner();
        ItemEditorViewModel viewModel = new ItemEditorViewModel(items, tasks, dialogs);
        ItemEditorView view = ItemEditorView.load(viewModel, tasks);
        Scene scene = new Scene(view.root(), 1200, 800);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("Editor preview");
        stage.show();

        if (scenario.equals("new")) {
            viewModel.newItem(handle);
            return;
        }
        viewModel.open(handle, "order-1042", PartitionKeyValue.of("c-77"));
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(800));
        later.setOnFinished(event -> {
            switch (scenario) {
                case "invalid" -> viewModel.textProperty().set(viewModel.getText().replace("\"paid\": true,",
                        "\"paid\": true"));
                case "conflict" -> {
                    when(items.readItem(any(), any(), any())).thenReturn(new ItemVersion(theirs, "\"e2\""));
                    viewModel.textProperty().set(viewModel.getText().replace("\"Leave at the door\"",
                            "\"Ring twice\""));
                    viewModel.save();
                }
                case "readonly", "edit" -> {
                    viewModel.textProperty().set(viewModel.getText().replace("\"shipped\"", "\"delivered\""));
                    view.controller().codeArea().moveTo(view.controller().codeArea().getText().indexOf("\"lines\"")
                            + 9);
                    view.controller().codeArea().requestFocus();
                }
                default -> { }
            }
        });
        later.play();
    }
    }
}
