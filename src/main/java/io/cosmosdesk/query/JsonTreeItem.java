package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/** The Tree view's nodes: "field: value (type)", children made only when a node is first expanded. */
final class JsonTreeItem extends TreeItem<String> {

    static final int SHOWN = 1_000;
    private final JsonNode node;
    private boolean built;

    private JsonTreeItem(String label, JsonNode node) {
        super(label);
        this.node = node;
    }

    static TreeItem<String> forResults(List<QueryResult> results, Function<QueryResult, JsonNode> json) {
        TreeItem<String> root = new TreeItem<>("results");
        for (int i = 0; i < results.size() && i < SHOWN; i++) {
            JsonNode value = json.apply(results.get(i));
            String name = value.path("id").isTextual() ? value.get("id").textValue() : "[" + i + "]";
            root.getChildren().add(new JsonTreeItem(label(name, value), value));
        }
        if (results.size() > SHOWN) {
            root.getChildren().add(new TreeItem<>(more(results.size())));
        }
        return root;
    }

    /**
     * After results were appended to a list whose tree already shows its first {@link #SHOWN}: updates the "… n more"
     * line of {@code root} to {@code results} in all; false when {@code root} has no such line (build it anew).
     */
    static boolean updateMore(TreeItem<String> root, int results) {
        List<TreeItem<String>> children = root.getChildren();
        if (results <= SHOWN || children.size() != SHOWN + 1 || children.get(SHOWN) instanceof JsonTreeItem) {
            return false;
        }
        children.get(SHOWN).setValue(more(results));
        return true;
    }

    private static String more(int results) {
        return "… " + (results - SHOWN) + " more (see the Table view)";
    }

    private static String label(String name, JsonNode value) {
        if (value.isObject()) {
            return name + "  {" + value.size() + "}";
        }
        if (value.isArray()) {
            return name + "  [" + value.size() + "]";
        }
        return name + ": " + (value.isTextual() ? value.textValue() : value.toString()) + "  ("
                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public boolean isLeaf() {
        return !node.isContainerNode() || node.isEmpty();
    }

    @Override
    public ObservableList<TreeItem<String>> getChildren() {
        if (!built) {
            built = true;
            ObservableList<TreeItem<String>> children = super.getChildren();
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    children.add(new JsonTreeItem(label(field.getKey(), field.getValue()), field.getValue()));
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    children.add(new JsonTreeItem(label("[" + i + "]", node.get(i)), node.get(i)));
                }
            }
        }
        return super.getChildren();
    }
}
