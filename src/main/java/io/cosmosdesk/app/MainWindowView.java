package io.cosmosdesk.app;

import io.cosmosdesk.ui.TaskRunner;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's view, built in plain code (it was MainWindow.fxml): at start the FXML loader's reflection
 * and XML parsing cost the UI thread more than the nodes themselves, on the path to the first frame. The
 * node ids are the ones the FXML had ({@code #resourceTree}, {@code #tabs}, ...), so tests and styles find
 * them as before. The tooltips are attached in the pulse after the window is built: creating the first
 * tooltip initialises JavaFX's tooltip machinery, which nobody needs before the mouse rests on something.
 */
final class MainWindowView {

    /** The tree's placeholder while there are no connections; {@link #CHOOSE_CONNECT} joins with Connect…. */
    static final String NO_CONNECTIONS = "No connections yet.";
    static final String CHOOSE_CONNECT = "Choose Connect… to open an Azure Cosmos DB account or the local emulator.";

    private MainWindowView() {
    }

    /**
     * Builds the window's nodes, hands them to the controller {@code c} and runs its {@code initialize()}; the
     * tooltips follow in the next frame of {@code tasks}.
     */
    static Parent build(MainWindowController c, TaskRunner tasks) {
        BorderPane root = new BorderPane();
        root.setId("root");
        root.getStyleClass().add("main-window");
        c.root = root;
        MenuBar menuBar = menuBar(c);
        root.setTop(FirstFrame.slot("menuBarSlot", "menu-bar-slot"));
        StackPane tabsHost = new StackPane(FirstFrame.slot("tabsSlot", "tabs-slot"));
        tabsHost.setId("tabsHost");
        VBox treePane = treePane(c);
        root.setCenter(split(treePane, tabsHost));
        HBox statusBar = statusBar(c);
        root.setBottom(FirstFrame.slot("statusBarSlot", "status-bar", "status-bar-slot"));
        c.initialize();
        root.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends javafx.scene.Scene> scene, javafx.scene.Scene was,
                    javafx.scene.Scene is) {
                if (is != null) {
                    scene.removeListener(this);
                    FirstFrame.acceleratorsFromTheStart(is, menuBar.getMenus());
                }
            }
        });
        // the first frame: the connection tree in its pane; the rest joins in the frame after it, in its slots (one
        // frame, not two: on the software renderer each frame repaints and uploads the whole window, s17), then the
        // tooltips
        FirstFrame.join(tasks, root, java.util.List.of(
                () -> {
                    root.setTop(new VBox(menuBar));
                    treePane.getChildren().set(0, treeToolbar(c)); // the slots hold places 0 and 1 (treePane)
                    treePane.getChildren().set(1, c.treeFilter);
                    c.treeConnectHint.setVisible(true);
                    tabsHost.getChildren().setAll(c.tabs);
                    root.setBottom(statusBar);
                },
                () -> addTooltips(c)));
        return root;
    }

    private static MenuBar menuBar(MainWindowController c) {
        MenuItem newConnection = item("newConnectionMenuItem", "_New connection…", shortcut(KeyCode.O), c::onNewConnection);
        MenuItem closeTab = item("closeTabMenuItem", "_Close tab", shortcut(KeyCode.W), c::onCloseTab);
        c.disconnectMenuItem = item("disconnectMenuItem", "_Disconnect", null, c::onDisconnect);
        c.fileActionsEnd = new SeparatorMenuItem();
        c.fileActionsEnd.setId("fileActionsEnd");
        c.fileMenu = menu("fileMenu", "_File", newConnection, closeTab, c.disconnectMenuItem, c.fileActionsEnd,
                item(null, "_Quit", shortcut(KeyCode.Q), c::onQuit));
        c.viewMenu = menu("viewMenu", "_View",
                item("toggleThemeMenuItem", "Toggle _dark theme",
                        new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        c::onToggleTheme),
                item(null, "_Refresh selected", shortcut(KeyCode.R), c::onRefresh));
        c.containerMenu = menu("containerMenu", "_Container");
        c.toolsMenu = menu("toolsMenu", "_Tools");
        c.toolsMenu.setVisible(false);
        c.helpMenu = menu("helpMenu", "_Help",
                item(null, "_Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), c::onShortcuts),
                item(null, "_About CosmosDesk", null, c::onAbout));
        MenuBar bar = new MenuBar(c.fileMenu, c.viewMenu, c.containerMenu, c.toolsMenu, c.helpMenu);
        bar.setId("menuBar");
        return bar;
    }

    /** The tree's pane as the first frame shows it: slots where its toolbar and filter join (the tree third). */
    private static VBox treePane(MainWindowController c) {
        c.openConnectionButton = button("openConnectionButton", "Connect…", c::onNewConnection);
        c.openConnectionButton.getStyleClass().add("accent");
        c.refreshButton = button("refreshButton", "Refresh", c::onRefresh);
        c.treeFilter = new TextField();
        c.treeFilter.setId("treeFilter");
        c.treeFilter.setPromptText("Filter databases and containers");

        Label searching = new Label("Searching unopened databases…");
        searching.getStyleClass().add("text-muted");
        ProgressIndicator searchProgress = new ProgressIndicator();
        searchProgress.setPrefSize(14, 14);
        c.treeSearchStatus = new HBox(6, searchProgress, searching);
        c.treeSearchStatus.setId("treeSearchStatus");
        c.treeSearchStatus.setAlignment(Pos.CENTER_LEFT);
        c.treeSearchStatus.setVisible(false);
        c.treeSearchStatus.setManaged(false);

        c.resourceTree = new TreeView<>();
        c.resourceTree.setId("resourceTree");
        c.resourceTree.setShowRoot(false);
        // the sentence naming Connect… shows with the button (the tree's toolbar, frame 2): in the first frame it
        // pointed at a control that was not there yet. Its room is laid out from the first frame: set as text in
        // frame 2, it grew the centred placeholder and moved its first line up.
        c.treePlaceholder = new Label(NO_CONNECTIONS);
        c.treePlaceholder.setId("treePlaceholder");
        c.treePlaceholder.getStyleClass().add("placeholder");
        c.treePlaceholder.setWrapText(true);
        c.treeConnectHint = new Label(CHOOSE_CONNECT);
        c.treeConnectHint.setId("treeConnectHint");
        c.treeConnectHint.getStyleClass().add("placeholder");
        c.treeConnectHint.setWrapText(true);
        c.treeConnectHint.setVisible(false);
        c.treePlaceholderBox = new VBox(c.treePlaceholder, c.treeConnectHint);
        c.treePlaceholderBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        c.treePlaceholderBox.setPickOnBounds(false); // the empty tree behind it takes the clicks around the text
        StackPane treeArea = new StackPane(c.resourceTree, c.treePlaceholderBox);
        VBox.setVgrow(treeArea, Priority.ALWAYS);

        VBox treePane = new VBox(6, FirstFrame.slot("treeToolbarSlot", "tree-toolbar-slot"),
                FirstFrame.slot("treeFilterSlot", "tree-filter-slot"), treeArea);
        // hidden (and unmanaged) until a search runs: out of the scene until then, so no spinner skin at start
        joinWhenFirstVisible(c.treeSearchStatus,
                () -> treePane.getChildren().add(treePane.getChildren().indexOf(treeArea), c.treeSearchStatus));
        treePane.setId("treePane");
        treePane.getStyleClass().add("tree-pane");
        treePane.setMinWidth(200);
        treePane.setPrefWidth(280);
        treePane.setPadding(new Insets(8, 6, 6, 8));
        SplitPane.setResizableWithParent(treePane, false);

        c.tabs = new TabPane(welcomeTab(c));
        c.tabs.setId("tabs");
        c.tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        return treePane;
    }

    private static HBox treeToolbar(MainWindowController c) {
        HBox treeToolbar = new HBox(6, c.openConnectionButton, c.refreshButton);
        treeToolbar.getStyleClass().add("tree-toolbar");
        return treeToolbar;
    }

    private static SplitPane split(VBox treePane, StackPane tabsHost) {
        SplitPane split = new SplitPane(treePane, tabsHost);
        split.setId("mainSplit");
        split.setDividerPositions(0.22);
        // The tree has its preferred width from the first frame on. The split's first layout is at the scene's
        // preferred width (284 px), before the window's size applies, and the tree, not resized with the window,
        // keeps the pixels it gets there: at 0.22 that was its 200 px minimum in a 1280 px window, where the
        // containers' partition keys were cut. So the first width that holds the tree puts the divider at the tree's
        // preferred width; after that the split keeps it, and the divider is the user's.
        split.widthProperty().addListener(new javafx.beans.value.ChangeListener<Number>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number width) {
                if (width.doubleValue() >= treePane.getPrefWidth()) {
                    split.widthProperty().removeListener(this);
                    split.setDividerPositions(Math.min(1, treePane.getPrefWidth() / width.doubleValue()));
                }
            }
        });
        return split;
    }

    private static Tab welcomeTab(MainWindowController c) {
        Label title = new Label("CosmosDesk");
        title.getStyleClass().add("title-2");
        Label about = new Label("Browse databases, containers and items of Azure Cosmos DB (NoSQL API), edit items"
                + " safely, and move items between partitions without losing or duplicating any.");
        about.getStyleClass().add("text-muted");
        about.setWrapText(true);
        Label steps = new Label("1. Connect to an account (Microsoft Entra ID or key) or to the local emulator.\n"
                + "2. Expand a connection, then a database.\n3. Double-click a container to open its items.");
        steps.setWrapText(true);
        c.welcomeConnectButton = button("welcomeConnectButton", "Connect…", c::onNewConnection);
        c.welcomeConnectButton.getStyleClass().add("accent");
        Label keys = new Label("Press F1 for the keyboard shortcuts.");
        keys.getStyleClass().add("text-muted");
        keys.setWrapText(true);
        VBox welcome = new VBox(12, title, about, steps, c.welcomeConnectButton, keys);
        welcome.getStyleClass().add("welcome");
        welcome.setPadding(new Insets(32));
        Tab tab = new Tab("Welcome", welcome);
        tab.setId("welcomeTab");
        tab.setClosable(false);
        return tab;
    }

    private static HBox statusBar(MainWindowController c) {
        c.connectionBadge = new Label("Not connected");
        c.connectionBadge.setId("connectionBadge");
        c.connectionBadge.getStyleClass().add("connection-badge");
        c.statusMessage = new Label();
        c.statusMessage.setId("statusMessage");
        c.statusMessage.getStyleClass().add("status-message");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        c.busyIndicator = new ProgressIndicator();
        c.busyIndicator.setId("busyIndicator");
        c.busyIndicator.setPrefSize(16, 16);
        c.busyIndicator.setVisible(false);
        // the hidden indicator's place, the same size, until it first shows (its spinner skin is not built at start)
        Region busySlot = new Region();
        busySlot.setMinSize(16, 16);
        busySlot.setPrefSize(16, 16);
        busySlot.setMaxSize(16, 16);
        HBox bar = new HBox(10, c.connectionBadge, c.statusMessage, gap, busySlot);
        joinWhenFirstVisible(c.busyIndicator, () -> bar.getChildren().set(bar.getChildren().indexOf(busySlot),
                c.busyIndicator));
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        return bar;
    }

    /**
     * Runs {@code join} (which puts {@code node} into the window) the first time {@code node} turns visible. A hidden
     * node in the scene still goes through the first CSS pass and gets its skin: an indeterminate
     * {@link ProgressIndicator}'s is a spinner of a dozen regions with an animation, two of them hidden at start.
     * The controller binds the node's visibility after this, so the listener sees every change.
     */
    static void joinWhenFirstVisible(Node node, Runnable join) {
        if (node.isVisible()) {
            join.run();
            return;
        }
        node.visibleProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> visible, Boolean was, Boolean is) {
                if (is) {
                    visible.removeListener(this);
                    join.run();
                }
            }
        });
    }

    /** The pulse after the first frame: every tooltip of the window. */
    private static void addTooltips(MainWindowController c) {
        tooltip(c.openConnectionButton, "Open a connection to an account or the local emulator (Ctrl+O)");
        tooltip(c.refreshButton, "Reload the selected connection or database (Ctrl+R)");
        tooltip(c.treeFilter, "Type part of a database or container name");
        tooltip(c.welcomeConnectButton, "Open an account or the local emulator (Ctrl+O)");
    }

    private static void tooltip(Control control, String text) {
        control.setTooltip(new Tooltip(text));
    }

    private static Menu menu(String id, String text, MenuItem... items) {
        Menu menu = new Menu(text);
        menu.setId(id);
        menu.getItems().addAll(items);
        return menu;
    }

    private static MenuItem item(String id, String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(event -> action.run());
        return item;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }
}
