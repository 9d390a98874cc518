package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless, the audit viewer alone at the width it has in a 1280 px window, with the app's theme and sheet. */
class AuditViewGuiTest {

    private AuditViewModel viewModel;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        try {
            AuditLog log = new AuditLog(Files.createTempDirectory("audit-view").resolve("audit"), () -> 90,
                    Clock.fixed(Instant.parse("2026-12-06T16:45:00Z"), ZoneOffset.UTC));
            log.append(List.of(entry("o-1", "replace", "ok", null), entry("o-2", "replace", "failed",
                    "CHANGED_BY_SOMEONE_ELSE"), entry("o-3", "delete", "refused", "READ_ONLY")));
            viewModel = new AuditViewModel(log, ImmediateTaskRunner.immediate(), ZoneOffset.UTC);
            viewModel.refresh();
            Scene scene = new Scene((Parent) new AuditView(viewModel, ZoneOffset.UTC), 1278, 700);
            scene.getStylesheets().add(io.cosmosdesk.app.Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.show();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    private static AuditEntry entry(String id, String operation, String outcome, String errorKind) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", id).put("n", 1);
        return new AuditEntry("2026-12-06T16:45:12Z", "ann", "Local demo", "https://127.0.0.1:8081/", "shop", "orders",
                id, PartitionKeyValue.of("c1").toJsonArray(), operation, outcome, errorKind, errorKind == null ? 200
                        : 412, null, "\"e1\"", null, body, body, null);
    }

    @Test
    void timeAndOutcomeAreShownWholeAt1280Px(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#auditEntries").queryAs(TableView.class);
        MainWindowFixture.waitFor("the entries are drawn", () -> table.lookupAll(".table-cell").stream()
                .anyMatch(node -> node instanceof TableCell<?, ?> cell && "o-3".equals(cell.getText())));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> drawn = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            for (Node node : table.lookupAll(".table-cell")) {
                if (node instanceof TableCell<?, ?> cell && cell.getText() != null && !cell.getText().isEmpty()
                        && List.of("Time", "Outcome").contains(cell.getTableColumn().getText())) {
                    texts.add(cell.getText());
                    drawn.add(((Text) cell.lookup(".text")).getText());
                }
            }
        });
        assertThat(texts).contains("2026-12-06 16:45:12", "failed (CHANGED_BY_SOMEONE_ELSE)", "refused (READ_ONLY)");
        assertThat(drawn).as("Time and Outcome cells as drawn").isEqualTo(texts);
    }

    @Test
    void theFilterBarIsOneRowWhereTheViewerHasTheWidthOfA1280PxWindowBesideTheTree(FxRobot robot) throws Exception {
        // at 1280 px the tree takes ~330 px: the viewer gets ~948
        assertTheFilterBarIsOneRowAt(robot, 948);
    }

    /** In the default window (1150 px) the viewer has ~820 px beside the tree: Show wrapped to a second row. */
    @Test
    void theFilterBarIsOneRowInTheDefaultWindow(FxRobot robot) throws Exception {
        assertTheFilterBarIsOneRowAt(robot, 820);
    }

    private void assertTheFilterBarIsOneRowAt(FxRobot robot, double width) throws Exception {
        Node view = robot.lookup("#auditView").query();
        robot.interact(() -> view.getScene().getWindow().setWidth(width));
        MainWindowFixture.waitFor("the viewer is " + width + " px wide", () -> view.getLayoutBounds().getWidth()
                <= width);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> controls = new ArrayList<>();
        java.util.Set<Double> rowTops = new java.util.HashSet<>();
        robot.interact(() -> {
            javafx.scene.layout.Pane bar = (javafx.scene.layout.Pane) robot.lookup("#auditConnection").query()
                    .getParent();
            for (Node control : bar.getChildren()) {
                controls.add(control.getId() + " at " + control.getLayoutX() + "," + control.getLayoutY() + " w "
                        + control.getLayoutBounds().getWidth());
                rowTops.add(control.getLayoutY());
            }
        });
        assertThat(controls).hasSize(7);
        assertThat(rowTops).as("rows of the filter bar: %s", controls).hasSize(1);
        assertThat(robot.lookup("#auditExport").queryButton().isVisible()).isTrue();
    }

    /** Export… writes the entries shown: with none shown it is disabled (it was enabled, and wrote an empty file). */
    @Test
    void exportIsDisabledWhileNoEntryIsShown(FxRobot robot) throws Exception {
        javafx.scene.control.Button export = robot.lookup("#auditExport").queryButton();
        assertThat(viewModel.entries()).isNotEmpty();
        assertThat(export.isDisabled()).as("with entries").isFalse();
        robot.interact(() -> viewModel.idProperty().set("no-such-id"));
        robot.interact(viewModel::refresh);
        MainWindowFixture.waitFor("no entry is shown", () -> viewModel.entries().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(export.isDisabled()).as("with no entries").isTrue();
    }

    /**
     * The filter fields were named only by their prompts, which vanish once they hold text (Connection starts filled
     * in): each carries its name for a screen reader and in a tooltip.
     */
    @Test
    void everyFilterFieldHasItsName(FxRobot robot) {
        for (String id : new String[] {"#auditConnection", "#auditContainer", "#auditId", "#auditOperation",
                "#auditFrom", "#auditTo"}) {
            javafx.scene.control.Control field = robot.lookup(id).queryAs(javafx.scene.control.Control.class);
            assertThat(field.getAccessibleText()).as(id + "'s accessible text").isNotBlank();
            assertThat(field.getTooltip()).as(id + "'s tooltip").isNotNull();
            assertThat(field.getTooltip().getText()).as(id + "'s tooltip").startsWith(field.getAccessibleText());
        }
    }

    /** In the default window (1150 px, the viewer ~820 px beside the tree) every header is whole ("Connect…"). */
    @Test
    void theHeadersAreWholeInTheDefaultWindow(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#auditEntries").queryAs(TableView.class);
        robot.interact(() -> table.getScene().getWindow().setWidth(820));
        MainWindowFixture.waitFor("the viewer is 820 px wide", () -> table.getWidth() <= 820);
        WaitForAsyncUtils.waitForFxEvents();
        StringBuilder cut = new StringBuilder();
        robot.interact(() -> {
            for (Node node : table.lookupAll(".column-header")) {
                if (node instanceof javafx.scene.control.skin.TableColumnHeader header
                        && header.lookup(".label") instanceof javafx.scene.control.Label label
                        && !label.getText().equals(((Text) label.lookup(".text")).getText())) {
                    cut.append(" \"").append(label.getText()).append("\" as \"")
                            .append(((Text) label.lookup(".text")).getText()).append('"');
                }
            }
        });
        assertThat(cut.toString()).as("headers cut at %.0f px", table.getWidth()).isEmpty();
    }
}
