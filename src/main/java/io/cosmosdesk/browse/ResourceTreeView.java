package io.cosmosdesk.browse;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Mirrors {@link ResourceTreeViewModel}'s nodes into a {@link TreeView}; view code only. */
public final class ResourceTreeView {

    private ResourceTreeView() {
    }

    /** A command a feature offers in a container's context menu, after "Open items". */
    public record NodeAction(String label, java.util.function.Consumer<ResourceNode> run) {
    }

    private static final String ACTIONS_KEY = "cosmosdesk.actions.";

    /** The feature commands shown in every container's context menu, after "Open items". */
    public static void setContainerActions(TreeView<ResourceNode> tree, List<NodeAction> actions) {
        setActions(tree, ResourceNode.Kind.CONTAINER, actions);
    }

    /** The feature commands shown first in the context menu of every node of {@code kind}. */
    public static void setActions(TreeView<ResourceNode> tree, ResourceNode.Kind kind, List<NodeAction> actions) {
        tree.getProperties().put(ACTIONS_KEY + kind, List.copyOf(actions));
    }

    private static final String FILE_DROP_KEY = "cosmosdesk.fileDrop";

    /** A file dropped onto a container node: {@code accepts} decides, {@code run} gets the node and the files. */
    public record FileDrop(java.util.function.Predicate<List<java.io.File>> accepts,
            java.util.function.BiConsumer<ResourceNode, List<java.io.File>> run) {
    }

    public static void setFileDrop(TreeView<ResourceNode> tree, FileDrop drop) {
        tree.getProperties().put(FILE_DROP_KEY, drop);
    }

    public static void bind(TreeView<ResourceNode> tree, ResourceTreeViewModel viewModel) {
        TreeItem<ResourceNode> root = new TreeItem<>();
        mirror(root, viewModel.connections(), viewModel.connections(), viewModel);
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(view -> new ResourceCell(viewModel));
        viewModel.revealedProperty().addListener((obs, old, node) -> select(tree, node));
        tree.setOnKeyPressed(event -> {
            TreeItem<ResourceNode> selected = tree.getSelectionModel().getSelectedItem();
            if (selected != null && event.getCode() == KeyCode.ENTER) {
                activate(selected.getValue(), viewModel);
                event.consume();
            }
        });
    }

    private static void select(TreeView<ResourceNode> tree, ResourceNode node) {
        TreeItem<ResourceNode> item = find(tree.getRoot(), node);
        if (item != null) {
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(Math.max(0, row - 3));
            }
        }
    }

    private static TreeItem<ResourceNode> find(TreeItem<ResourceNode> from, ResourceNode node) {
        if (node == null || from == null) {
            return null;
        }
        if (from.getValue() == node) {
            return from;
        }
        for (TreeItem<ResourceNode> child : from.getChildren()) {
            TreeItem<ResourceNode> found = find(child, node);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Adds "Disconnect" to connection rows' context menus. */
    public static void onDisconnect(TreeView<ResourceNode> tree, java.util.function.Consumer<ResourceNode> handler) {
        tree.getProperties().put(DISCONNECT_KEY, handler);
    }

    private static final String DISCONNECT_KEY = "cosmosdesk.disconnect";

    private static void activate(ResourceNode node, ResourceTreeViewModel viewModel) {
        switch (node.kind()) {
            case CONTAINER, SCRIPT -> viewModel.open(node);
            case ERROR -> viewModel.refresh(node);
            default -> { }
        }
    }

    /**
     * Keeps {@code item}'s children in step with {@code visible}. Each node gets one TreeItem for its
     * lifetime (kept while the node is in {@code all}, even when a filter hides it), so hiding and
     * showing a node never rebuilds its item, its expand arrow or its listeners.
     */
    private static void mirror(TreeItem<ResourceNode> item, ObservableList<ResourceNode> visible,
            ObservableList<ResourceNode> all, ResourceTreeViewModel viewModel) {
        Map<ResourceNode, TreeItem<ResourceNode>> made = new IdentityHashMap<>();
        Runnable sync = () -> {
            Set<ResourceNode> alive = Collections.newSetFromMap(new IdentityHashMap<>());
            alive.addAll(all);
            made.keySet().retainAll(alive);
            List<TreeItem<ResourceNode>> items = visible.stream()
                    .map(node -> made.computeIfAbsent(node, created -> createItem(created, viewModel)))
                    .toList();
            if (!item.getChildren().equals(items)) {
                item.getChildren().setAll(items);
            }
        };
        sync.run();
        visible.addListener((ListChangeListener<ResourceNode>) change -> sync.run());
    }

    private static TreeItem<ResourceNode> createItem(ResourceNode node, ResourceTreeViewModel viewModel) {
        TreeItem<ResourceNode> item = new NodeItem(node);
        if (node.isExpandable()) {
            mirror(item, node.visibleChildren(), node.children(), viewModel);
            item.setExpanded(node.expandedProperty().get());
            item.expandedProperty().bindBidirectional(node.expandedProperty());
            item.expandedProperty().addListener((obs, was, expanded) -> {
                if (expanded) {
                    viewModel.expand(node);
                }
            });
        }
        return item;
    }

    /** Connections and databases always show an expand arrow, also before their children are loaded. */
    private static final class NodeItem extends TreeItem<ResourceNode> {
        NodeItem(ResourceNode node) {
            super(node);
        }

        @Override
        public boolean isLeaf() {
            return !getValue().isExpandable();
        }
    }

    private static final class ResourceCell extends TreeCell<ResourceNode> {
        private final ResourceTreeViewModel viewModel;

        ResourceCell(ResourceTreeViewModel viewModel) {
            this.viewModel = viewModel;
            setOnDragOver(event -> {
                if (fileDrop() instanceof FileDrop drop && getItem() != null
                        && getItem().kind() == ResourceNode.Kind.CONTAINER && event.getDragboard().hasFiles()
                        && drop.accepts().test(event.getDragboard().getFiles())) {
                    event.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                    event.consume();
                }
            });
            setOnDragDropped(event -> {
                boolean done = false;
                if (fileDrop() instanceof FileDrop drop && getItem() != null
                        && getItem().kind() == ResourceNode.Kind.CONTAINER && event.getDragboard().hasFiles()) {
                    drop.run().accept(getItem(), List.copyOf(event.getDragboard().getFiles()));
                    done = true;
                }
                event.setDropCompleted(done);
                event.consume();
            });
            // the whole name and partition key, however narrow the tree: a row is cut at the tree's edge
            io.cosmosdesk.ui.LazyTooltip.install(this, () -> tooltip(getItem()));
            setOnMouseClicked(event -> {
                if (getItem() != null && event.getButton() == MouseButton.PRIMARY
                        && (event.getClickCount() == 2 || getItem().kind() == ResourceNode.Kind.ERROR)) {
                    activate(getItem(), viewModel);
                }
            });
        }

        @Override
        protected void updateItem(ResourceNode node, boolean empty) {
            super.updateItem(node, empty);
            getStyleClass().removeAll("resource-error", "resource-message");
            if (empty || node == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            setText(null);
            Label name = new Label(node.label());
            HBox line = new HBox(6, name);
            if (!node.detail().isEmpty()) {
                Label detail = new Label(node.detail());
                detail.getStyleClass().add("resource-detail");
                line.getChildren().add(detail);
            }
            if (node.kind() == ResourceNode.Kind.ERROR) {
                getStyleClass().add("resource-error");
                Label retry = new Label("Retry");
                retry.getStyleClass().add("resource-retry");
                line.getChildren().add(retry);
            } else if (node.kind() == ResourceNode.Kind.LOADING || node.kind() == ResourceNode.Kind.EMPTY) {
                getStyleClass().add("resource-message");
            }
            javafx.scene.Node text = line;
            String throughput = throughput(node);
            if (throughput != null) {
                // a line of its own under the name and key: beside them, "· 400 RU/s" was cut at the tree's
                // first-start width (280 px) already for a single short key
                Label units = new Label(throughput);
                units.getStyleClass().addAll("resource-detail", "resource-throughput");
                text = new javafx.scene.layout.VBox(line, units);
            }
            HBox row = new HBox(6, icon(node), text);
            setGraphic(row);
            setContextMenu(contextMenu(node));
        }

        /** "400 RU/s" for a container with throughput of its own; null for any other row. */
        static String throughput(ResourceNode node) {
            if (node == null || node.kind() != ResourceNode.Kind.CONTAINER || node.container() == null
                    || node.container().throughput() == null) {
                return null;
            }
            return String.format("%,d", node.container().throughput()) + " RU/s";
        }

        /** A container's id, partition key path(s) and throughput, each whole; nothing for other rows. */
        static String tooltip(ResourceNode node) {
            if (node == null || node.kind() != ResourceNode.Kind.CONTAINER || node.container() == null) {
                return null;
            }
            io.cosmosdesk.cosmos.ContainerInfo info = node.container();
            return node.label() + "\nPartition key: " + info.partitionKeyLabel()
                    + (throughput(node) == null ? "" : "\n" + throughput(node));
        }

        private Object fileDrop() {
            return getTreeView() == null ? null : getTreeView().getProperties().get(FILE_DROP_KEY);
        }

        private ContextMenu contextMenu(ResourceNode node) {
            MenuItem refresh = new MenuItem("Refresh");
            refresh.setOnAction(event -> viewModel.refresh(node));
            ContextMenu menu = new ContextMenu();
            if (node.kind() == ResourceNode.Kind.CONTAINER) {
                MenuItem open = new MenuItem("Open items");
                open.setOnAction(event -> viewModel.open(node));
                menu.getItems().add(open);
            }
            if (getTreeView().getProperties().get(ACTIONS_KEY + node.kind()) instanceof List<?> actions) {
                for (Object each : actions) {
                    NodeAction action = (NodeAction) each;
                    MenuItem item = new MenuItem(action.label());
                    item.setOnAction(event -> action.run().accept(node));
                    menu.getItems().add(item);
                }
            }
            if (!menu.getItems().isEmpty()) {
                menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
            }
            menu.getItems().add(refresh);
            if (node.kind() == ResourceNode.Kind.CONNECTION
                    && getTreeView().getProperties().get(DISCONNECT_KEY) instanceof java.util.function.Consumer<?> c) {
                @SuppressWarnings("unchecked")
                java.util.function.Consumer<ResourceNode> disconnect = (java.util.function.Consumer<ResourceNode>) c;
                MenuItem item = new MenuItem("Disconnect");
                item.setOnAction(event -> disconnect.accept(node));
                menu.getItems().add(item);
            }
            return menu;
        }

        private static FontIcon icon(ResourceNode node) {
            Feather glyph = switch (node.kind()) {
                case CONNECTION -> Feather.SERVER;
                case DATABASE -> Feather.DATABASE;
                case CONTAINER -> Feather.FOLDER;
                case SCRIPT_GROUP -> Feather.LAYERS;
                case SCRIPT -> Feather.FILE_TEXT;
                case LOADING -> Feather.LOADER;
                case ERROR -> Feather.ALERT_TRIANGLE;
                case EMPTY -> Feather.INFO;
            };
            FontIcon icon = new FontIcon(glyph);
            icon.getStyleClass().add("resource-icon");
            return icon;
        }
    }
}
