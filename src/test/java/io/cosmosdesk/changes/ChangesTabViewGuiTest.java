package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import io.cosmosdesk.testing.MainWindowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless, the Live changes tab alone with the app's stylesheet: the table builds its rows before the first changes
 * arrive (in the pulses after it is shown), so the first hand-over fills rows that exist instead of building them on
 * the UI thread; the toolbar keeps its layout whichever start is chosen.
 */
class ChangesTabViewGuiTest {

    private ChangesTab tab;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        try {
            // the client is never called: the tab is not started
            ContainerHandle handle = OfflineContainer.handle("shop", "orders");
            tab = SyntheticChanges.tab(handle, Files.createTempDirectory("warm-up"),
                    ImmediateTaskRunner.immediate(), 1).tab();
            FxAppExtension.showStyled(stage, (Parent) tab.view(), 900, 600);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    @Test
    void theRowsShowingTheFirstChangesWereBuiltBeforeTheyCame(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ChangeRow> table = robot.lookup("#changesTable").queryAs(TableView.class);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.isVisible()
                    && table.getItems() == tab.viewModel().visibleRows() && rowsOf(table).size() >= 8);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("visible " + table.isVisible() + ", the tab's rows "
                    + (table.getItems() == tab.viewModel().visibleRows()) + ", items " + table.getItems().size()
                    + ", rows built " + rowsOf(table).size() + ", height " + table.getHeight(), e);
        }
        Set<TableRow<?>> builtBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        builtBefore.addAll(rowsOf(table));
        assertThat(table.getItems()).as("no made-up row is left in the tab's rows").isEmpty();

        List<ChangeRow> first = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String id = "order-" + i;
            first.add(new ChangeRow(i, Instant.now(), id, PartitionKeyValue.of("c" + i), ChangeRow.Kind.NEW, "new",
                    JsonNodeFactory.instance.objectNode().put("id", id), 20));
        }
        robot.interact(() -> tab.viewModel().captured().add(first));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(table).size() >= 8);

        List<TableRow<?>> showing = showing(table);
        assertThat(showing).as("rows built before the first changes came").allMatch(builtBefore::contains);
        assertThat(showing).extracting(row -> ((ChangeRow) row.getItem()).id()).allMatch(id -> id.startsWith("order-"));
    }

    @Test
    void choosingWhereToStartKeepsTheToolbarAsItIs(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<ChangesTabController.StartChoice> start =
                robot.lookup("#startChoice").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.Node next = robot.lookup("#startButton").query(); // the next control on the row
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> start.getWidth() > 0);
        double width = start.getWidth();
        double nextY = next.localToScene(0, 0).getY();
        double nextX = next.localToScene(0, 0).getX();
        for (ChangesTabController.StartChoice choice : List.of(ChangesTabController.StartChoice.BEGINNING,
                ChangesTabController.StartChoice.NOW)) {
            // as a user chooses: the list opens (the first time it does, a combo sized by its content grew)
            robot.interact(start::show);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                start.getSelectionModel().select(choice);
                start.hide();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(start.getWidth()).as("the combo's width with " + choice).isEqualTo(width);
            assertThat(next.localToScene(0, 0).getY()).as("Start's row with " + choice).isEqualTo(nextY);
            assertThat(next.localToScene(0, 0).getX()).as("Start's place with " + choice).isEqualTo(nextX);
        }
        javafx.scene.text.Text longest = new javafx.scene.text.Text("Where it stopped");
        longest.setFont(((javafx.scene.control.ListCell<?>) start.lookup(".list-cell")).getFont());
        assertThat(width).as("wide enough for the longest choice").isGreaterThan(longest.getLayoutBounds().getWidth());
    }

    @Test
    void withTheTableFullFollowNewestShowsTheNewestRowAfterABatchAndAfterResume(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ChangeRow> table = (TableView<ChangeRow>) tab.view().lookup("#changesTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#changesPlaceholder").tryQuery()
                .isPresent());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.IntFunction<List<ChangeRow>> rows = n -> java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> {
                    int k = next.getAndIncrement();
                    return new ChangeRow(k, Instant.now(), "order-" + k, PartitionKeyValue.of("c1"),
                            ChangeRow.Kind.NEW, "new", JsonNodeFactory.instance.objectNode().put("id", "order-" + k),
                            20);
                }).toList();
        robot.interact(() -> tab.viewModel().captured().add(rows.apply(CapturedRows.MAX_ROWS)));
        java.util.function.Supplier<String> lastShown = () -> fx(() -> robot.lookup("#changesTable .table-row-cell")
                .queryAll().stream().map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getItem() != null && r.isVisible()
                        && r.localToScene(r.getBoundsInLocal()).getMaxY()
                        <= table.localToScene(table.getBoundsInLocal()).getMaxY() + 1)
                .max(java.util.Comparator.comparingInt(javafx.scene.control.TableRow::getIndex))
                .map(r -> ((ChangeRow) r.getItem()).id()).orElse("none"));
        try {
            MainWindowFixture.waitFor("the newest of the first batch shows", () -> lastShown.get()
                    .equals("order-" + (CapturedRows.MAX_ROWS - 1)));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " DEBUG last " + lastShown.get() + " items "
                    + fx(() -> table.getItems().size() + " same " + (table.getItems() == tab.viewModel().visibleRows())
                    + " visible " + table.isVisible()), e);
        }
        // full: a new batch pushes the oldest out at the top; the newest must still be the last row shown
        robot.interact(() -> tab.viewModel().captured().add(rows.apply(40)));
        String newest = "order-" + (next.get() - 1);
        MainWindowFixture.waitFor("the newest row shows after a batch that dropped the oldest (last shown: "
                + lastShown.get() + ")", () -> lastShown.get().equals(newest));
        robot.interact(() -> tab.viewModel().captured().pause());
        robot.interact(() -> tab.viewModel().captured().add(rows.apply(300)));
        robot.interact(() -> tab.viewModel().captured().resume());
        String newestAfterResume = "order-" + (next.get() - 1);
        MainWindowFixture.waitFor("the newest row shows after Resume (last shown: " + lastShown.get() + ")",
                () -> lastShown.get().equals(newestAfterResume));
    }

    /**
     * A change of rows at the start of a pulse (an animation timer, as RowHandOver's hand-over was until session
     * 19): Follow newest has the newest row in view by the end of that same pulse's layout, so a hand-over is one
     * frame. The scroll used to come a pulse later: two frames 16 ms apart, the second waiting for the renderer to
     * finish the first.
     */
    @Test
    void aHandOverAtAPulsesStartIsFollowedInThatPulsesLayout(FxRobot robot) throws Exception {
        TableView<ChangeRow> table = tableAfterItsWarmUp();
        AtomicInteger next = new AtomicInteger();
        java.util.function.IntFunction<List<ChangeRow>> rows = n -> orders(next, n);
        robot.interact(() -> tab.viewModel().captured().add(rows.apply(100)));
        MainWindowFixture.waitFor("the first batch is followed", () -> fx(() -> lastShown(table)).equals("order-99"));

        List<ChangeRow> batch = rows.apply(40);
        String[] shownAfterItsLayout = new String[1];
        robot.interact(() -> {
            boolean[] handedOver = {false};
            table.getScene().addPostLayoutPulseListener(() -> {
                if (handedOver[0] && shownAfterItsLayout[0] == null) {
                    shownAfterItsLayout[0] = lastShown(table);
                }
            });
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    tab.viewModel().captured().add(batch);
                    handedOver[0] = true;
                }
            }.start();
        });
        MainWindowFixture.waitFor("the pulse of the hand-over is laid out", () -> fx(() -> shownAfterItsLayout[0])
                != null);
        assertThat(shownAfterItsLayout[0]).as("the last row in view when the hand-over's pulse is laid out")
                .isEqualTo("order-139");
    }

    /**
     * The hand-over of rows is an event of its own between two frames (RowHandOver): Follow newest scrolls in the
     * event after it, not in the next pulse, so the scroll's UI work is not added to the block of that pulse's layout;
     * the newest row is in view once that pulse is laid out. A pulse may come between the two (then it scrolls, as a
     * pulse after a change always did): such a try says nothing and is made again.
     */
    @Test
    void aHandOverBetweenFramesIsFollowedInTheEventAfterItBeforeAnyPulse(FxRobot robot) throws Exception {
        TableView<ChangeRow> table = tableAfterItsWarmUp();
        AtomicInteger next = new AtomicInteger();
        java.util.function.IntFunction<List<ChangeRow>> rows = n -> orders(next, n);
        robot.interact(() -> tab.viewModel().captured().add(rows.apply(100)));
        MainWindowFixture.waitFor("the first batch is followed", () -> fx(() -> lastShown(table)).equals("order-99"));
        AtomicInteger pulses = new AtomicInteger();
        AtomicInteger scrolls = new AtomicInteger();
        robot.interact(() -> {
            table.getScene().addPreLayoutPulseListener(pulses::incrementAndGet);
            table.addEventHandler(javafx.scene.control.ScrollToEvent.scrollToTopIndex(),
                    event -> scrolls.incrementAndGet());
        });
        Boolean scrolledBeforeAnyPulse = null;
        for (int attempt = 0; attempt < 20 && scrolledBeforeAnyPulse == null; attempt++) {
            List<ChangeRow> batch = rows.apply(40);
            java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
            robot.interact(() -> {
                int pulsesBefore = pulses.get();
                int scrollsBefore = scrolls.get();
                tab.viewModel().captured().add(batch); // an event of its own, as a hand-over now is
                // queued after the change's own follow-up: did the scroll come before any pulse?
                io.cosmosdesk.ui.FxTaskRunner.afterThisEvent(() -> answer.complete(pulses.get() != pulsesBefore
                        ? null : scrolls.get() > scrollsBefore));
            });
            scrolledBeforeAnyPulse = answer.get(10, TimeUnit.SECONDS);
            String newest = "order-" + (next.get() - 1);
            MainWindowFixture.waitFor("the newest row shows once laid out", () -> fx(() -> lastShown(table))
                    .equals(newest));
        }
        assertThat(scrolledBeforeAnyPulse).as("the table scrolled to the newest row in the event after the "
                + "hand-over, before any pulse (null: a pulse came between in every try)").isTrue();
    }

    /** The tab's table, once its warm-up is over and it shows the tab's rows. */
    private TableView<ChangeRow> tableAfterItsWarmUp() throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ChangeRow> table = (TableView<ChangeRow>) tab.view().lookup("#changesTable");
        MainWindowFixture.waitFor("the warm-up is over", () -> fx(() -> table.getItems() == tab.viewModel()
                .visibleRows() && table.isVisible()));
        return table;
    }

    /** {@code count} new items "order-N", N counted on from {@code next}. */
    private static List<ChangeRow> orders(AtomicInteger next, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            int k = next.getAndIncrement();
            return new ChangeRow(k, Instant.now(), "order-" + k, PartitionKeyValue.of("c1"), ChangeRow.Kind.NEW, "new",
                    JsonNodeFactory.instance.objectNode().put("id", "order-" + k), 20);
        }).toList();
    }

    /** The id of the last row wholly or partly in the table's view (FX thread). */
    private static String lastShown(TableView<ChangeRow> table) {
        double bottom = table.localToScene(table.getBoundsInLocal()).getMaxY();
        return rowsOf(table).stream().filter(r -> r.getItem() != null && r.isVisible()
                        && r.localToScene(r.getBoundsInLocal()).getMaxY() <= bottom + 1)
                .max(java.util.Comparator.comparingInt(TableRow::getIndex))
                .map(r -> ((ChangeRow) r.getItem()).id()).orElse("none");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whenTheFilterHidesEveryCapturedChangeThePlaceholderSaysSo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#changesPlaceholder").tryQuery()
                .isPresent());
        javafx.scene.control.Label placeholder = robot.lookup("#changesPlaceholder").queryAs(
                javafx.scene.control.Label.class);
        assertThat(placeholder.getText()).isEqualTo(ChangesTabController.NOTHING_CAPTURED);
        ChangeRow row = new ChangeRow(1, Instant.now(), "order-1", PartitionKeyValue.of("c1"), ChangeRow.Kind.NEW,
                "new", JsonNodeFactory.instance.objectNode().put("id", "order-1").put("status", "paid"), 20);
        robot.interact(() -> {
            tab.viewModel().captured().add(List.of(row));
            tab.viewModel().filterTextProperty().set("status = \"open\"");
            tab.viewModel().applyFilter();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tab.viewModel().visibleRows()).isEmpty();
        assertThat(placeholder.getText()).isEqualTo(ChangesTabController.NOTHING_MATCHES);
    }

    @Test
    void aDeletedRowsTooltipIsWrittenWhenItShowsNotAtEachRefresh(FxRobot robot) {
        ChangeRow deleted = new ChangeRow(7, Instant.now(), "gone", PartitionKeyValue.of("c1"),
                ChangeRow.Kind.DELETED, "deleted", JsonNodeFactory.instance.objectNode().put("id", "gone")
                        .put("note", "x".repeat(500)), 520);
        String[] before = new String[1];
        String[] shown = new String[1];
        robot.interact(() -> {
            ChangeSummaryCell cell = new ChangeSummaryCell();
            cell.updateItem(deleted, false);
            before[0] = cell.getTooltip().getText();
            cell.getTooltip().getOnShowing().handle(null);
            shown[0] = cell.getTooltip().getText();
        });
        assertThat(before[0]).as("nothing written at the refresh").isEmpty();
        assertThat(shown[0]).startsWith("Deleted. What it held:\n{").contains("\"id\" : \"gone\"");
    }

    private static List<TableRow<?>> rowsOf(TableView<ChangeRow> table) {
        List<TableRow<?>> rows = new ArrayList<>();
        table.lookupAll(".table-row-cell").forEach(node -> {
            if (node instanceof TableRow<?> row) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static List<TableRow<?>> showing(TableView<ChangeRow> table) {
        return rowsOf(table).stream().filter(row -> row.isVisible() && row.getItem() != null).toList();
    }
}
