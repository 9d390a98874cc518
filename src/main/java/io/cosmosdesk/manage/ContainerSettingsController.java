package io.cosmosdesk.manage;

import io.cosmosdesk.editor.JsonCodeArea;
import io.cosmosdesk.manage.CreateResourceViewModel.TtlMode;
import io.cosmosdesk.ui.DiffView;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/** Binds ContainerSettings.fxml to its {@link ContainerSettingsViewModel}; nothing else. */
public final class ContainerSettingsController {

    private final ContainerSettingsViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Button reloadButton;
    @FXML private Button revertButton;
    @FXML private Button reviewButton;
    @FXML private Button applyButton;
    @FXML private Button confirmApplyButton;
    @FXML private Label statusLabel;
    @FXML private Label bannerLabel;
    @FXML private Label errorLabel;
    @FXML private Label problemsLabel;
    @FXML private VBox reviewBox;
    @FXML private StackPane diffHolder;
    @FXML private Label throughputModeLabel;
    @FXML private ChoiceBox<ThroughputInput.Mode> throughputModeChoice;
    @FXML private Label planeNoteLabel;
    @FXML private TextField requestUnitsField;
    @FXML private Label throughputHint;
    @FXML private ToggleGroup ttlGroup;
    @FXML private RadioButton ttlOff;
    @FXML private RadioButton ttlOnNoDefault;
    @FXML private RadioButton ttlSecondsOption;
    @FXML private TextField ttlSecondsField;
    @FXML private Label partitionKeyLabel;
    @FXML private Label uniqueKeysLabel;
    @FXML private Label conflictLabel;
    @FXML private Label indexProgressLabel;
    @FXML private StackPane indexingPolicyHolder;
    @FXML private StackPane computedPropertiesHolder;

    private final JsonCodeArea indexingPolicyArea = new JsonCodeArea();
    private final JsonCodeArea computedPropertiesArea = new JsonCodeArea();

    public ContainerSettingsController(ContainerSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        indexingPolicyArea.setId("indexingPolicyArea");
        computedPropertiesArea.setId("computedPropertiesArea");
        indexingPolicyHolder.getChildren().add(new VirtualizedScrollPane<>(indexingPolicyArea));
        computedPropertiesHolder.getChildren().add(new VirtualizedScrollPane<>(computedPropertiesArea));
        bindText(indexingPolicyArea, viewModel.indexingPolicyProperty());
        bindText(computedPropertiesArea, viewModel.computedPropertiesProperty());
        requestUnitsField.textProperty().bindBidirectional(viewModel.requestUnitsProperty());
        throughputModeChoice.getItems().setAll(ThroughputInput.Mode.MANUAL, ThroughputInput.Mode.AUTOSCALE);
        throughputModeChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ThroughputInput.Mode mode) {
                return mode == ThroughputInput.Mode.AUTOSCALE ? "Autoscale" : "Manual";
            }

            @Override
            public ThroughputInput.Mode fromString(String text) {
                return null;
            }
        });
        throughputModeChoice.setValue(viewModel.throughputModeProperty().get());
        viewModel.throughputModeProperty().addListener((o, before, mode) -> {
            if (mode != ThroughputInput.Mode.NONE) {
                throughputModeChoice.setValue(mode);
            }
            throughputHint.setText(ThroughputInput.hint(mode));
        });
        throughputModeChoice.valueProperty().addListener((o, before, mode) -> {
            if (mode != null && mode != viewModel.throughputModeProperty().get()) {
                viewModel.requestUnitsProperty().set(ThroughputInput.figureOnSwitch(mode,
                        viewModel.requestUnitsProperty().get()));
                viewModel.throughputModeProperty().set(mode);
            }
        });
        ttlSecondsField.textProperty().bindBidirectional(viewModel.ttlSecondsProperty());

        ttlOff.setUserData(TtlMode.OFF);
        ttlOnNoDefault.setUserData(TtlMode.ON_NO_DEFAULT);
        ttlSecondsOption.setUserData(TtlMode.SECONDS);
        selectTtl(viewModel.ttlModeProperty().get());
        viewModel.ttlModeProperty().addListener((o, before, mode) -> selectTtl(mode));
        ttlGroup.selectedToggleProperty().addListener((o, before, toggle) -> {
            if (toggle != null) {
                viewModel.ttlModeProperty().set((TtlMode) toggle.getUserData());
            }
        });
        ttlSecondsField.disableProperty().bind(viewModel.ttlModeProperty().isNotEqualTo(TtlMode.SECONDS));

        viewModel.loadedProperty().addListener((o, before, settings) -> showReadOnly(settings));
        showReadOnly(viewModel.loadedProperty().get());

        errorLabel.textProperty().bind(viewModel.errorProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        problemsLabel.textProperty().bind(viewModel.problemsProperty());
        bannerLabel.setText(viewModel.readOnlyConnection() ? "\"" + viewModel.handle().connection().profile().name()
                + "\" is a read-only connection: these settings can be read, not changed." : "");
        for (Label label : List.of(errorLabel, problemsLabel, bannerLabel)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
        }
        indexProgressLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            long progress = viewModel.indexProgressProperty().get();
            return progress < 0 ? "" : progress >= 100 ? "Index up to date (100 %)"
                    : "Re-indexing after the policy change: " + progress + " %";
        }, viewModel.indexProgressProperty()));

        var frozen = viewModel.goneProperty().or(viewModel.busyProperty());
        boolean readOnly = viewModel.readOnlyConnection();
        for (var control : List.of(requestUnitsField, throughputModeChoice, ttlOff, ttlOnNoDefault, ttlSecondsOption)) {
            control.disableProperty().bind(frozen.or(Bindings.createBooleanBinding(() -> readOnly)));
        }
        indexingPolicyArea.editableProperty().bind(viewModel.goneProperty().not()
                .and(Bindings.createBooleanBinding(() -> !readOnly)));
        computedPropertiesArea.editableProperty().bind(indexingPolicyArea.editableProperty());
        reviewButton.disableProperty().bind(frozen.or(Bindings.createBooleanBinding(() -> readOnly
                || !viewModel.isDirty() || !viewModel.problemsProperty().getValue().isEmpty(),
                viewModel.dirtyProperty(), viewModel.problemsProperty())));
        applyButton.disableProperty().bind(frozen.or(viewModel.reviewProperty().isNull()));
        confirmApplyButton.disableProperty().bind(applyButton.disableProperty());
        revertButton.disableProperty().bind(frozen.or(Bindings.createBooleanBinding(() -> !viewModel.isDirty(),
                viewModel.dirtyProperty())));
        reloadButton.disableProperty().bind(viewModel.busyProperty());

        viewModel.reviewProperty().addListener((o, before, review) -> showReview(review));
    }

    private void selectTtl(TtlMode mode) {
        ttlGroup.getToggles().stream().filter(toggle -> toggle.getUserData() == mode).findFirst()
                .ifPresent(ttlGroup::selectToggle);
    }

    private void showReadOnly(ContainerSettings settings) {
        if (settings == null) {
            return;
        }
        partitionKeyLabel.setText(String.join(", ", settings.partitionKeyPaths())
                + (settings.hierarchical() ? "  (hierarchical)" : "") + "  · cannot be changed");
        uniqueKeysLabel.setText(settings.uniqueKeys().isEmpty() ? "none  · cannot be changed"
                : settings.uniqueKeys().stream().map(key -> String.join(" + ", key))
                        .collect(Collectors.joining(";  ")) + "  · cannot be changed");
        conflictLabel.setText(settings.conflictResolution());
        Throughput throughput = settings.throughput();
        boolean none = throughput instanceof Throughput.None;
        throughputModeLabel.setText(none ? ContainerSettings.describeThroughput(throughput, settings.throughputNote())
                : "");
        throughputModeLabel.setVisible(none);
        throughputModeLabel.setManaged(none);
        for (var control : List.of(requestUnitsField, throughputModeChoice)) {
            control.setVisible(!none);
            control.setManaged(!none);
        }
        throughputHint.setText(ThroughputInput.hint(viewModel.throughputModeProperty().get()));
    }

    private void showReview(ContainerSettingsViewModel.Review review) {
        diffHolder.getChildren().clear();
        boolean shown = review != null;
        reviewBox.setVisible(shown);
        reviewBox.setManaged(shown);
        planeNoteLabel.setText(shown ? viewModel.planeNote() : "");
        planeNoteLabel.setVisible(!planeNoteLabel.getText().isEmpty());
        planeNoteLabel.setManaged(planeNoteLabel.isVisible());
        if (shown) {
            DiffView diff = new DiffView("Now", review.before(), "After Apply", review.after());
            diff.setId("settingsDiff");
            diffHolder.getChildren().add(diff);
        }
    }

    /** The code area and the view-model's text follow each other without loops (the caret stays put). */
    private static void bindText(JsonCodeArea area, StringProperty text) {
        area.replaceText(text.get() == null ? "" : text.get());
        area.textProperty().addListener((o, before, now) -> {
            if (!now.equals(text.get())) {
                text.set(now);
            }
        });
        text.addListener((o, before, now) -> {
            String value = now == null ? "" : now;
            if (!value.equals(area.getText())) {
                area.replaceText(value);
            }
        });
    }

    @FXML
    private void onReload() {
        if (!viewModel.isDirty() || viewModel.confirmClose()) {
            viewModel.load();
        }
    }

    @FXML
    private void onRevert() {
        viewModel.revert();
    }

    @FXML
    private void onReview() {
        viewModel.review();
    }

    @FXML
    private void onCancelReview() {
        viewModel.cancelReview();
    }

    @FXML
    private void onApply() {
        viewModel.apply();
    }
}
