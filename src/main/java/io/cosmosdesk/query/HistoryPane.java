package io.cosmosdesk.query;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A container's query history, newest first, with a search box: double-click (or Enter) puts a run's query,
 * parameters and scope back into the editor through the callback. The query tab calls {@link #reload()} after
 * each run.
 */
public final class HistoryPane extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final QueryHistory history;
    private final ContainerKey container;
    private final TaskRunner tasks;
    private static final String EMPTY = "Queries you run here are listed here.";
    private final TextField search = new TextField();
    private final ListView<QueryHistory.Entry> list = new ListView<>();
    private long generation;

    public HistoryPane(QueryHistory history, ContainerKey container, TaskRunner tasks, Consumer<QueryDraft> open) {
        super(6);
        this.history = history;
        this.container = container;
        this.tasks = tasks;
        getStyleClass().add("query-history-pane");
        search.setId("historySearch");
        search.setPromptText("Search the history");
        search.textProperty().addListener((obs, old, words) -> reload());
        list.setId("historyList");
        Label placeholder = new Label(EMPTY);
        placeholder.setWrapText(true);
        list.setPlaceholder(placeholder);
        // an empty list under a search says the search found nothing, not that nothing was ever run
        search.textProperty().addListener((obs, old, words) -> placeholder.setText(words == null || words.isBlank()
                ? EMPTY : "No run in this container's history has every word of \u201c" + words.trim() + "\u201d."));
        list.setCellFactory(view -> new QueryListCell<>(entry -> entry.query().text(), HistoryPane::facts));
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected(open);
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected(open);
                event.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, list);
        reload();
    }

    /** Reads the history again (after a run), keeping the search. */
    public void reload() {
        long current = ++generation;
        String words = search.getText();
        tasks.start(BackgroundTask.of("Reading the query history", ctx -> history.search(container, words))
                .onSuccess(entries -> {
                    if (current == generation) {
                        show(entries);
                    }
                }));
    }

    public ListView<QueryHistory.Entry> list() {
        return list;
    }

    private void show(List<QueryHistory.Entry> entries) {
        list.getItems().setAll(entries);
    }

    private void openSelected(Consumer<QueryDraft> open) {
        QueryHistory.Entry entry = list.getSelectionModel().getSelectedItem();
        if (entry != null) {
            open.accept(entry.query());
        }
    }

    static String facts(QueryHistory.Entry entry) {
        return String.format(Locale.ENGLISH, "%s · %,.2f RU · %,d %s%s · %,d ms · %s", WHEN.format(entry.time()),
                entry.requestCharge(), entry.rows(), entry.rows() == 1 ? "row" : "rows",
                entry.pages() > 1 ? String.format(Locale.ENGLISH, " in %,d pages", entry.pages()) : "",
                entry.duration().toMillis(), entry.query().scope().describe(java.util.List.of()));
    }
}
