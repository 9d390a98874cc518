package io.cosmosdesk.query;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The saved queries (local, shared by all containers) with a search box: double-click or Enter opens one in
 * the editor through the callback; Delete (key or menu) removes one after asking.
 */
public final class SavedQueriesPane extends VBox {

    private final SavedQueries saved;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final TextField search = new TextField();
    private final ListView<SavedQueries.Saved> list = new ListView<>();
    private List<SavedQueries.Saved> all = List.of();

    public SavedQueriesPane(SavedQueries saved, TaskRunner tasks, DialogService dialogs,
            Consumer<SavedQueries.Saved> open) {
        super(6);
        this.saved = saved;
        this.tasks = tasks;
        this.dialogs = dialogs;
        getStyleClass().add("saved-queries-pane");
        search.setId("savedSearch");
        search.setPromptText("Search saved queries");
        search.textProperty().addListener((obs, old, words) -> filter());
        list.setId("savedList");
        list.setPlaceholder(new Label("Ctrl+S in a query saves it here, on this computer."));
        list.setCellFactory(view -> new QueryListCell<>(SavedQueries.Saved::name,
                query -> QueryListCell.firstLines(query.text()).replace('\n', ' ')));
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected(open);
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected(open);
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                deleteSelected();
                event.consume();
            }
        });
        MenuItem openItem = new MenuItem("Open");
        openItem.setOnAction(event -> openSelected(open));
        MenuItem delete = new MenuItem("Delete…");
        delete.setOnAction(event -> deleteSelected());
        list.setContextMenu(new ContextMenu(openItem, delete));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(search, list);
        reload();
    }

    /** Reads the saved queries again (after Ctrl+S in any tab). */
    public void reload() {
        tasks.start(BackgroundTask.of("Reading saved queries", ctx -> saved.all()).onSuccess(queries -> {
            all = queries;
            filter();
        }));
    }

    public ListView<SavedQueries.Saved> list() {
        return list;
    }

    private void filter() {
        String[] words = search.getText() == null ? new String[0]
                : search.getText().toLowerCase(Locale.ROOT).strip().split("\\s+");
        list.getItems().setAll(all.stream().filter(query -> {
            String haystack = (query.name() + "\n" + query.text()).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        }).toList());
    }

    private void openSelected(Consumer<SavedQueries.Saved> open) {
        SavedQueries.Saved query = list.getSelectionModel().getSelectedItem();
        if (query != null) {
            open.accept(query);
        }
    }

    private void deleteSelected() {
        SavedQueries.Saved query = list.getSelectionModel().getSelectedItem();
        if (query != null && dialogs.confirm("Delete saved query", "Delete the saved query \"" + query.name()
                + "\"? This cannot be undone.", "Delete", true)) {
            tasks.start(BackgroundTask.of("Deleting a saved query", ctx -> {
                saved.delete(query.name());
                return saved.all();
            }).onSuccess(queries -> {
                all = queries;
                filter();
            }).onFailure(error -> dialogs.showError("Saved query not deleted", error)));
        }
    }
}
