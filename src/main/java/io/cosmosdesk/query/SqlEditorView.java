package io.cosmosdesk.query;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The query editor as the query tab places it: the {@link SqlCodeArea} in its scroll pane, and under it a bar
 * with the marked error's sentence ("Line 2, column 8: …") and a Go to button, shown only while an error is
 * marked.
 */
public final class SqlEditorView extends BorderPane {

    private final SqlCodeArea area;

    public SqlEditorView(SqlCodeArea area) {
        this.area = area;
        getStyleClass().add("sql-editor-view");
        setCenter(new VirtualizedScrollPane<>(area));
        Label message = new Label();
        message.setId("queryErrorMessage");
        message.setWrapText(true);
        message.textProperty().bind(area.errorMessageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button goTo = new Button("Go to");
        goTo.setId("queryErrorGoTo");
        goTo.setOnAction(event -> area.goToError());
        goTo.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> area.errorMessageProperty().get().startsWith("Line "), area.errorMessageProperty()));
        goTo.managedProperty().bind(goTo.visibleProperty());
        HBox bar = new HBox(8, message, goTo);
        bar.getStyleClass().add("sql-error-bar");
        bar.visibleProperty().bind(area.errorMessageProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        setBottom(bar);
    }

    public SqlCodeArea area() {
        return area;
    }
}
