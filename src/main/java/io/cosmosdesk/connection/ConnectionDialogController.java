package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.SignInMethod;
import io.cosmosdesk.ui.DialogService;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Thin controller of ConnectionDialog.fxml. */
public class ConnectionDialogController {

    private final ConnectionDialogViewModel viewModel;
    private final DialogService dialogs;

    @FXML private BorderPane root;
    @FXML private ListView<ConnectionProfile> savedList;
    @FXML private Button deleteButton;
    @FXML private ToggleGroup kindGroup;
    @FXML private ToggleButton emulatorKind;
    @FXML private ToggleButton keyKind;
    @FXML private ToggleButton entraKind;
    @FXML private TextField nameField;
    @FXML private TextField endpointField;
    @FXML private Label connectionStringLabel;
    @FXML private PasswordField connectionStringField;
    @FXML private Label keyLabel;
    @FXML private PasswordField keyField;
    @FXML private TextField keyPlain;
    @FXML private javafx.scene.control.ToggleButton showKeyToggle;
    @FXML private javafx.scene.layout.HBox keyBox;
    @FXML private TextField connectionStringPlain;
    @FXML private javafx.scene.control.ToggleButton showConnectionStringToggle;
    @FXML private javafx.scene.layout.HBox connectionStringBox;
    @FXML private Label signInLabel;
    @FXML private ComboBox<SignInMethod> signInCombo;
    @FXML private Label tenantLabel;
    @FXML private TextField tenantField;
    @FXML private Label armLabel;
    @FXML private javafx.scene.layout.HBox armBox;
    @FXML private TextField armSubscriptionField;
    @FXML private TextField armResourceGroupField;
    @FXML private ComboBox<String> colorCombo;
    @FXML private CheckBox readOnlyCheck;
    @FXML private CheckBox saveCheck;
    @FXML private Label secretHint;
    @FXML private Label kindHint;
    @FXML private VBox stepsBox;
    @FXML private TextField deviceCodeField;
    @FXML private Label messageLabel;
    @FXML private javafx.scene.control.ScrollPane formScroll;
    private boolean scrollToMessage;
    @FXML private HBox trustBox;
    @FXML private TextField fingerprintField;
    @FXML private Button testButton;
    @FXML private Button stopButton;
    @FXML private Button dialogConnectButton;
    @FXML private ProgressIndicator busyIndicator;

    public ConnectionDialogController(ConnectionDialogViewModel viewModel, DialogService dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
    }

    public ConnectionDialogViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        emulatorKind.setUserData(AuthKind.EMULATOR);
        keyKind.setUserData(AuthKind.KEY);
        entraKind.setUserData(AuthKind.ENTRA_ID);
        selectKindToggle(viewModel.authKindProperty().get());
        kindGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one kind is always chosen
            } else {
                viewModel.authKindProperty().set((AuthKind) toggle.getUserData());
            }
        });
        viewModel.authKindProperty().addListener((obs, old, kind) -> {
            selectKindToggle(kind);
            showFieldsFor(kind);
        });

        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        endpointField.textProperty().bindBidirectional(viewModel.endpointProperty());
        keyField.textProperty().bindBidirectional(viewModel.keyProperty());
        connectionStringField.textProperty().bindBidirectional(viewModel.connectionStringProperty());
        io.cosmosdesk.ui.SecretReveal.attach(keyField, keyPlain, showKeyToggle);
        io.cosmosdesk.ui.SecretReveal.attach(connectionStringField, connectionStringPlain, showConnectionStringToggle);
        tenantField.textProperty().bindBidirectional(viewModel.tenantIdProperty());
        armSubscriptionField.textProperty().bindBidirectional(viewModel.armSubscriptionIdProperty());
        armResourceGroupField.textProperty().bindBidirectional(viewModel.armResourceGroupProperty());
        signInCombo.getItems().setAll(SignInMethod.values());
        signInCombo.valueProperty().bindBidirectional(viewModel.signInProperty());
        colorCombo.getItems().setAll(ConnectionDialogViewModel.COLOR_TAGS);
        colorCombo.valueProperty().bindBidirectional(viewModel.colorTagProperty());
        readOnlyCheck.selectedProperty().bindBidirectional(viewModel.readOnlyProperty());
        saveCheck.selectedProperty().bindBidirectional(viewModel.saveConnectionProperty());
        secretHint.textProperty().bind(viewModel.secretHintProperty());
        keyField.disableProperty().bind(viewModel.loadingKeyProperty());
        keyField.promptTextProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loadingKeyProperty())
                .then("Reading the saved key from the keychain…").otherwise(keyField.getPromptText()));
        secretHint.visibleProperty().bind(saveCheck.selectedProperty()
                .and(viewModel.authKindProperty().isNotEqualTo(AuthKind.ENTRA_ID)));
        secretHint.managedProperty().bind(secretHint.visibleProperty());
        showFieldsFor(viewModel.authKindProperty().get());

        savedList.setItems(viewModel.savedConnections());
        savedList.setCellFactory(list -> new SavedConnectionCell());
        savedList.getSelectionModel().selectedItemProperty().addListener((obs, old, profile) -> {
            if (profile != null) {
                viewModel.edit(profile);
            }
        });
        savedList.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && savedList.getSelectionModel().getSelectedItem() != null) {
                viewModel.connect();
            }
        });
        deleteButton.disableProperty().bind(savedList.getSelectionModel().selectedItemProperty().isNull());

        viewModel.testSteps().addListener((ListChangeListener<TestStep>) change -> renderSteps());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        // the test's stages and its sentence come last in the form: scroll them into view (1.0 stays the bottom
        // while the form grows), so a wrong-key or certificate message is never left below the fold
        messageLabel.textProperty().addListener((obs, old, text) -> {
            if (text != null && !text.isBlank()) {
                scrollToMessage = true;
                root.requestLayout();
            }
        });
        // after the pulse's layout, when the grown form's height is known
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.addPostLayoutPulseListener(() -> {
                    if (scrollToMessage) {
                        scrollToMessage = false;
                        formScroll.setVvalue(formScroll.getVmax());
                    }
                });
            }
        });
        viewModel.messageIsErrorProperty().addListener((obs, was, error) -> styleMessage(error));
        deviceCodeField.textProperty().bind(viewModel.deviceCodeMessageProperty());
        deviceCodeField.visibleProperty().bind(viewModel.deviceCodeMessageProperty().isNotEmpty());
        deviceCodeField.managedProperty().bind(deviceCodeField.visibleProperty());

        fingerprintField.textProperty().bind(viewModel.untrustedFingerprintProperty());
        trustBox.visibleProperty().bind(viewModel.untrustedFingerprintProperty().isNotEmpty());
        trustBox.managedProperty().bind(trustBox.visibleProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        stopButton.visibleProperty().bind(viewModel.busyProperty());
        testButton.disableProperty().bind(viewModel.busyProperty());
        dialogConnectButton.disableProperty().bind(viewModel.busyProperty());
        viewModel.connectedProperty().addListener((obs, was, done) -> {
            if (done) {
                close();
            }
        });
    }

    private void selectKindToggle(AuthKind kind) {
        kindGroup.getToggles().stream().filter(t -> t.getUserData() == kind).findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    private void showFieldsFor(AuthKind kind) {
        boolean entra = kind == AuthKind.ENTRA_ID;
        setShown(!entra, keyLabel, keyBox);
        setShown(kind == AuthKind.KEY, connectionStringLabel, connectionStringBox);
        setShown(entra, signInLabel, signInCombo, tenantLabel, tenantField, armLabel, armBox);
        kindHint.setText(switch (kind) {
            case EMULATOR -> "The emulator's well-known key and https://localhost:8081 are filled in. Its self-signed "
                    + "certificate is accepted for this local endpoint only; every other endpoint keeps full TLS "
                    + "checks.";
            case KEY -> "Find the key in the Azure portal under Keys. Paste a connection string to fill both fields.";
            case ENTRA_ID -> "Works for accounts with key access disabled. Your identity needs a data-plane role, "
                    + "e.g. \"Cosmos DB Built-in Data Reader\" or \"Cosmos DB Built-in Data Contributor\". "
                    + "Automatic honours AZURE_TOKEN_CREDENTIALS and an Azure CLI login. Creating or deleting "
                    + "databases and containers needs a control-plane role (e.g. Cosmos DB Operator) through Azure "
                    + "Resource Manager: the account is found from its endpoint, or name its subscription and "
                    + "resource group.";
        });
    }

    private static void setShown(boolean shown, Node... nodes) {
        for (Node node : nodes) {
            node.setVisible(shown);
            node.setManaged(shown);
        }
    }

    private void renderSteps() {
        stepsBox.getChildren().setAll(viewModel.testSteps().stream().map(step -> {
            FontIcon icon = new FontIcon(switch (step.status()) {
                case RUNNING -> Feather.LOADER;
                case PASSED -> Feather.CHECK_CIRCLE;
                case FAILED -> Feather.X_CIRCLE;
            });
            icon.getStyleClass().add("step-" + step.status().name().toLowerCase(java.util.Locale.ROOT));
            Label label = new Label(step.label() + (step.status() == TestStep.Status.RUNNING ? "…" : ""));
            // a failed stage carries its sentence (wrong key, untrusted certificate): shown whole, wrapped
            label.setWrapText(true);
            label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
            HBox row = new HBox(8, icon, label);
            row.getStyleClass().add("test-step");
            return (Node) row;
        }).toList());
    }

    private void styleMessage(boolean error) {
        messageLabel.getStyleClass().removeAll("message-error");
        if (error) {
            messageLabel.getStyleClass().add("message-error");
        }
    }

    @FXML
    private void onNew() {
        savedList.getSelectionModel().clearSelection();
        viewModel.newConnection();
    }

    @FXML
    private void onDelete() {
        ConnectionProfile selected = savedList.getSelectionModel().getSelectedItem();
        if (selected != null && dialogs.confirm("Delete saved connection",
                "Delete \"" + selected.name() + "\" and its saved key? The account itself is not touched.",
                "Delete")) {
            viewModel.deleteSaved(selected);
        }
    }

    @FXML
    private void onTest() {
        viewModel.testConnection();
    }

    @FXML
    private void onTrust() {
        String host = java.net.URI.create(viewModel.endpointProperty().get().strip()).getHost();
        if (dialogs.confirm("Trust this certificate?", "Trust the certificate with SHA-256 fingerprint\n"
                + viewModel.untrustedFingerprintProperty().get() + "\nfor " + host + " only?\n\nCompare it with the "
                + "fingerprint your emulator or administrator shows. Every other host keeps full TLS checks.",
                "Trust")) {
            viewModel.trustCertificate();
        }
    }

    @FXML
    private void onStop() {
        viewModel.cancel();
    }

    @FXML
    private void onConnect() {
        viewModel.connect();
    }

    @FXML
    private void onClose() {
        viewModel.cancel();
        close();
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.close();
        }
    }

    private static final class SavedConnectionCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            getStyleClass().removeIf(style -> style.startsWith("tag-"));
            if (empty || profile == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(profile.name());
            Label kind = new Label(profile.authKind().label() + (profile.readOnly() ? " · read-only" : ""));
            kind.getStyleClass().add("resource-detail");
            VBox box = new VBox(1, name, kind);
            if (profile.colorTag() != null) {
                getStyleClass().add("tag-" + profile.colorTag());
            }
            setGraphic(box);
        }
    }
}
