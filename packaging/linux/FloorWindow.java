/**
 * The start-up floor of the main window's first frame, layer by layer: an empty JavaFX window (as
 * EmptyWindow.java) plus what its arguments name, in this order, built the way the app builds them (any other
 * word, such as {@code empty}, adds nothing: the empty window measured the way the layers are):
 * <ul>
 * <li>{@code theme}: AtlantaFX's Primer light sheet as the user-agent stylesheet (the installer's trimmed copy,
 * read as .bss, when the class path holds the installer's atlantafx jar);</li>
 * <li>{@code tree}: a TreeView with a hidden root and one row, in a BorderPane's centre;</li>
 * <li>{@code rows}: instead of the tree, what a connection list without virtual flow would cost: a VBox of three
 * labels with the tree cells' style classes;</li>
 * <li>{@code menu}: a MenuBar with the main window's five menus (closed) on top;</li>
 * <li>{@code chrome}: the rest of the main window's controls: a split pane, two buttons, a filter field, a tab
 * pane with a welcome tab of labels and a button, a status bar of labels.</li>
 * </ul>
 * measure-start.sh (FLOORS=...) starts it on the app's runtime with the app's JVM options, like the empty window.
 * Its title starts with "CosmosDesk" so the scripts wait for it exactly as they wait for the app's main window.
 */
public class FloorWindow extends javafx.application.Application {
    @Override
    public void start(javafx.stage.Stage stage) {
        java.util.List<String> layers = getParameters().getRaw();
        if (layers.contains("theme")) {
            javafx.application.Application.setUserAgentStylesheet("/atlantafx/base/theme/primer-light.css");
        }
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane();
        javafx.scene.Node content = null;
        if (layers.contains("tree")) {
            javafx.scene.control.TreeItem<String> hidden = new javafx.scene.control.TreeItem<>("root");
            hidden.getChildren().add(new javafx.scene.control.TreeItem<>("local emulator"));
            javafx.scene.control.TreeView<String> tree = new javafx.scene.control.TreeView<>(hidden);
            tree.setShowRoot(false);
            content = tree;
        }
        if (layers.contains("rows")) {
            javafx.scene.layout.VBox rows = new javafx.scene.layout.VBox();
            for (String name : new String[] {"local emulator", "prod-westeurope", "test"}) {
                javafx.scene.control.Label row = new javafx.scene.control.Label(name);
                row.getStyleClass().addAll("tree-cell", "cell", "indexed-cell");
                rows.getChildren().add(row);
            }
            content = rows;
        }
        if (layers.contains("menu")) {
            root.setTop(new javafx.scene.control.MenuBar(menu("_File", "_New connection…", "_Quit"),
                    menu("_View", "Toggle _dark theme"), menu("_Container"), menu("_Tools"),
                    menu("_Help", "_About CosmosDesk")));
        }
        if (layers.contains("chrome")) {
            javafx.scene.control.Button connect = new javafx.scene.control.Button("Connect…");
            connect.getStyleClass().add("accent");
            javafx.scene.control.TextField filter = new javafx.scene.control.TextField();
            filter.setPromptText("Filter databases and containers");
            javafx.scene.layout.VBox treePane = new javafx.scene.layout.VBox(6,
                    new javafx.scene.layout.HBox(6, connect, new javafx.scene.control.Button("Refresh")), filter,
                    content == null ? new javafx.scene.layout.Region() : content);
            javafx.scene.layout.VBox welcome = new javafx.scene.layout.VBox(12,
                    new javafx.scene.control.Label("CosmosDesk"), new javafx.scene.control.Label("Browse databases"),
                    new javafx.scene.control.Button("Connect…"), new javafx.scene.control.Label("Press F1"));
            javafx.scene.control.Tab tab = new javafx.scene.control.Tab("Welcome", welcome);
            javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(treePane,
                    new javafx.scene.control.TabPane(tab));
            split.setDividerPositions(0.22);
            content = split;
            root.setBottom(new javafx.scene.layout.HBox(10, new javafx.scene.control.Label("Not connected"),
                    new javafx.scene.control.Label()));
        }
        root.setCenter(content);
        stage.setTitle("CosmosDesk (floor: " + String.join(" ", layers) + ")");
        stage.setScene(new javafx.scene.Scene(root, 1280, 800));
        stage.show();
    }

    private static javafx.scene.control.Menu menu(String text, String... items) {
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu(text);
        for (String item : items) {
            menu.getItems().add(new javafx.scene.control.MenuItem(item));
        }
        return menu;
    }

    public static void main(String[] args) {
        launch(args);
    }
}
