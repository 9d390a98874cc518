package io.cosmosdesk.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.query.ContainerKey;
import io.cosmosdesk.query.FieldPaths;
import io.cosmosdesk.query.HistoryPane;
import io.cosmosdesk.query.QueryDraft;
import io.cosmosdesk.query.QueryHistory;
import io.cosmosdesk.query.SavedQueries;
import io.cosmosdesk.query.SavedQueriesPane;
import io.cosmosdesk.query.SqlCodeArea;
import io.cosmosdesk.query.SqlCompletion;
import io.cosmosdesk.query.SqlEditorView;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * A look at the query editor's parts on a real display (no server), for checking by eye and screenshots:
 * {@code java -cp … io.cosmosdesk.tools.QueryEditorPreview [dark] [error]}.
 */
public final class QueryEditorPreview extends Application {

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        (args.contains("dark") ? Theme.DARK : Theme.LIGHT).apply();
        JsonNode item = Json.MAPPER.readTree("{\"id\":\"o-1\",\"customerId\":\"c-7\",\"status\":\"open\","
                + "\"customer\":{\"name\":\"Ada\",\"address\":{\"city\":\"Lyon\",\"zip\":\"69001\"}},"
                + "\"lines\":[{\"sku\":\"S1\",\"qty\":2,\"price\":9.5}],\"totals\":{\"grandTotal\":19}}");
        SqlCodeArea area = new SqlCodeArea("-- open orders of a city\nSELECT c.id, c.customer.name, COUNT(1) AS lines\n"
                + "FROM c JOIN l IN c.lines\nWHERE c.status = 'open' AND c.customer.address.city = @city\n"
                + "  AND ARRAY_LENGTH(c.lines) > 0 AND c.totals.grandTotal >= 10.5\nGROUP BY c.id, c.customer.name\n");
        SqlCompletion.attach(area, FieldPaths.of(List.of(item)));
        if (args.contains("error")) {
            area.showError(4, 5, "Syntax error, incorrect syntax near 'status'.");
        }
        Path home = Files.createTempDirectory("query-preview");
        ContainerKey orders = new ContainerKey("https://127.0.0.1:8081", "retail", "orders");
        QueryHistory history = new QueryHistory(home.resolve("history"));
        history.record(orders, new QueryHistory.Entry(QueryDraft.of("SELECT * FROM c WHERE c.status = 'open'"),
                Instant.now().minusSeconds(300), 12.4, 100, Duration.ofMillis(85)));
        history.record(orders, new QueryHistory.Entry(QueryDraft.of("SELECT VALUE COUNT(1)\nFROM c"),
                Instant.now(), 3.1, 1, Duration.ofMillis(20)));
        SavedQueries saved = new SavedQueries(home.resolve("saved.json"));
        saved.save(new SavedQueries.Saved("Open orders by city", "SELECT * FROM c WHERE c.city = @city", List.of()));
        FxTaskRunner tasks = new FxTaskRunner();
        TabPane side = new TabPane(new Tab("History", new HistoryPane(history, orders, tasks, draft -> area.replaceText(
                draft.text()))), new Tab("Saved", new SavedQueriesPane(saved, tasks, new FxDialogService(stage),
                query -> area.replaceText(query.text()))));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(new SqlEditorView(area), side);
        split.setDividerPositions(0.68);
        Scene scene = new Scene(split, 1100, 520);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Query editor preview");
        stage.show();
        area.requestFocus();
        area.moveTo(area.getLength());
    }

    public static void main(String[] args) {
        launch(args);
    }
}
