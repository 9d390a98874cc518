package io.cosmosdesk.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The read-only system properties under the editor: selectable fields people can copy from. */
final class SystemPropertiesPane {

    private final GridPane grid;
    private final List<TextField> fields = new ArrayList<>();

    SystemPropertiesPane(GridPane grid) {
        this.grid = grid;
    }

    /** Shows the properties; reuses the fields when the names are the same (most opens), which is cheaper. */
    void show(List<SystemProperty> properties) {
        if (sameNames(properties)) {
            for (int i = 0; i < properties.size(); i++) {
                fields.get(i).setText(properties.get(i).value());
            }
            return;
        }
        grid.getChildren().clear();
        fields.clear();
        int row = 0;
        for (SystemProperty property : properties) {
            Label name = new Label(property.name());
            name.getStyleClass().add("system-name");
            name.setMinWidth(Region.USE_PREF_SIZE); // the value shrinks, never the name
            TextField value = new TextField(property.value());
            value.setEditable(false);
            value.getStyleClass().addAll("system-value", "flat");
            value.setId("system" + property.name());
            value.setPrefColumnCount(60);
            value.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(value, Priority.ALWAYS);
            grid.addRow(row++, name, value);
            fields.add(value);
        }
    }

    private boolean sameNames(List<SystemProperty> properties) {
        if (fields.size() != properties.size()) {
            return false;
        }
        for (int i = 0; i < properties.size(); i++) {
            if (!fields.get(i).getId().equals("system" + properties.get(i).name())) {
                return false;
            }
        }
        return true;
    }
}
