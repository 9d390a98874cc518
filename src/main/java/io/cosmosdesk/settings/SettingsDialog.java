package io.cosmosdesk.settings;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File > Settings…: the values of {@link Settings} in one form. OK and Apply save them through the
 * {@link SettingsDialogViewModel} and they take effect at once (the theme, page size, limits); retries and
 * preferred regions wait for the next connection, and the dialog says so.
 */
public final class SettingsDialog {

    private final SettingsDialogViewModel viewModel;
    private final Stage stage = new Stage();

    private SettingsDialog(Window owner, java.util.function.Function<Window, SettingsDialogViewModel> viewModelOver,
            String stylesheet) {
        this.viewModel = viewModelOver.apply(stage);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Settings");
        VBox root = content();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        fitViewToForm(root);
        scene.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        if (owner != null) {
            io.cosmosdesk.ui.DialogSizing.capToScreen(stage, owner);
        }
    }

    public static Stage show(Window owner, SettingsDialogViewModel viewModel, String stylesheet) {
        return show(owner, settingsWindow -> viewModel, stylesheet);
    }

    /**
     * As {@link #show(Window, SettingsDialogViewModel, String)}, the view-model made for the Settings window, so the
     * questions it asks (Reset to defaults) are owned by that window and not by the main window behind it.
     */
    public static Stage show(Window owner, java.util.function.Function<Window, SettingsDialogViewModel> viewModelOver,
            String stylesheet) {
        SettingsDialog dialog = new SettingsDialog(owner, viewModelOver, stylesheet);
        io.cosmosdesk.ui.DialogStages.keepWhole(dialog.stage); // the window manager's late first size
        dialog.stage.show();
        return dialog.stage;
    }

    private VBox content() {
        GridPane form = new GridPane();
        form.getStyleClass().add("settings-form");
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        row = heading(form, row, "Queries and grids");
        row = field(form, row, "Default page size", "settingsPageSize", viewModel.pageSizeProperty(), "items");
        row = field(form, row, "Request unit limit per run", "settingsRuLimit", viewModel.requestUnitLimitProperty(),
                "RU");
        row = field(form, row, "Query timeout", "settingsQueryTimeout", viewModel.queryTimeoutProperty(), "seconds");

        row = heading(form, row, "Appearance");
        ToggleGroup themes = new ToggleGroup();
        RadioButton light = new RadioButton("Light");
        light.setId("settingsThemeLight");
        light.setUserData("light");
        RadioButton dark = new RadioButton("Dark");
        dark.setId("settingsThemeDark");
        dark.setUserData("dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        themes.selectToggle("dark".equals(viewModel.themeProperty().get()) ? dark : light);
        themes.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.themeProperty().set((String) now.getUserData());
            }
        });
        viewModel.themeProperty().addListener((obs, old, now) -> themes.selectToggle("dark".equals(now) ? dark
                : light)); // Reset to defaults
        form.add(new Label("Theme"), 0, row);
        form.add(new HBox(12, light, dark), 1, row++, 2, 1);

        row = heading(form, row, "Keeping files");
        row = field(form, row, "Keep finished journals", "settingsJournalDays", viewModel.journalRetentionProperty(),
                "days");
        row = field(form, row, "Keep the audit log", "settingsAuditDays", viewModel.auditRetentionProperty(), "days");

        row = heading(form, row, "Connections (new connections)");
        row = field(form, row, "Retry attempts when throttled", "settingsRetryAttempts",
                viewModel.retryAttemptsProperty(), "times");
        row = field(form, row, "Longest wait for retries", "settingsRetryWait", viewModel.retryMaxWaitProperty(),
                "seconds");
        if (viewModel.connections().isEmpty()) {
            Label none = new Label("Preferred regions are set per saved connection; there are none yet.");
            none.setId("settingsNoRegions");
            none.setWrapText(true); // at 1280 px it ended "there are ..."
            none.getStyleClass().add("hint");
            form.add(none, 0, row++, 3, 1);
        } else {
            Label regions = new Label("Preferred regions, in order (comma-separated, e.g. West Europe, North Europe)");
            regions.setWrapText(true);
            form.add(regions, 0, row++, 3, 1);
            int index = 0;
            for (SettingsDialogViewModel.ConnectionRegions connection : viewModel.connections()) {
                TextField regionsField = new TextField();
                regionsField.setId("settingsRegions" + index++);
                regionsField.setPromptText("the account's own order");
                regionsField.textProperty().bindBidirectional(connection.regions());
                form.add(new Label(connection.connectionName()), 0, row);
                form.add(regionsField, 1, row++, 2, 1);
            }
        }
        Label note = new Label(SettingsDialogViewModel.LATER_CONNECTIONS_NOTE);
        note.setId("settingsNote");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        form.add(note, 0, row++, 3, 1);

        Label problem = new Label();
        problem.setId("settingsProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("settings-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Button ok = new Button("OK");
        ok.setId("settingsOk");
        ok.setDefaultButton(true);
        ok.setOnAction(event -> {
            if (viewModel.apply()) {
                stage.close();
            }
        });
        Button apply = new Button("Apply");
        apply.setId("settingsApply");
        apply.setOnAction(event -> viewModel.apply());
        Button cancel = new Button("Cancel");
        cancel.setId("settingsCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        // apart from OK, Apply and Cancel (at the bar's left): it saves the defaults at once, after a confirmation
        Button reset = new Button("Reset to defaults");
        reset.setId("settingsReset");
        reset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        reset.setTooltip(new javafx.scene.control.Tooltip("Put this page's values back to their defaults (asks "
                + "first); saved connections and their preferred regions are kept"));
        reset.setOnAction(event -> viewModel.resetToDefaults());
        ButtonBar.setButtonData(reset, ButtonBar.ButtonData.LEFT);
        ButtonBar.setButtonUniformSize(reset, false); // the bar's uniform width cut it to "Reset to defa…"
        ButtonBar.setButtonData(ok, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(apply, ButtonBar.ButtonData.APPLY);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().addAll(reset, ok, apply, cancel);

        // the last column takes the width the dialog gives: the sentences spanning the form wrap at the form's
        // width, not at the width of its three columns
        ColumnConstraints last = new ColumnConstraints();
        last.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), last);
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        VBox root = new VBox(12, scroll, problem, buttons);
        root.getStyleClass().add("settings-dialog");
        root.setPrefWidth(620);
        root.setStyle("-fx-padding: 16;");
        return root;
    }

    /**
     * The form's view is as tall as the form at the width it gets. Left to itself the scroll pane asks the form
     * for its height at no particular width, where every wrapping sentence is one line; laid out at the dialog's
     * width they took more lines, and the default size showed a short scroll bar over a form cut by ~50 px.
     */
    private static void fitViewToForm(VBox root) {
        root.applyCss();
        ScrollPane scroll = (ScrollPane) root.getChildren().get(0);
        double width = root.getPrefWidth() - root.snappedLeftInset() - root.snappedRightInset()
                - scroll.snappedLeftInset() - scroll.snappedRightInset();
        scroll.setPrefViewportHeight(Math.ceil(scroll.getContent().prefHeight(width)));
    }

    private static int heading(GridPane form, int row, String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("settings-heading");
        form.add(heading, 0, row, 3, 1);
        return row + 1;
    }

    private static int field(GridPane form, int row, String label, String id,
            javafx.beans.property.StringProperty value, String unit) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(8);
        field.textProperty().bindBidirectional(value);
        Label name = new Label(label);
        name.setLabelFor(field);
        form.add(name, 0, row);
        form.add(field, 1, row);
        form.add(new Label(unit), 2, row);
        return row + 1;
    }
}
