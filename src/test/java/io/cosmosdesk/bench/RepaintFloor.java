package io.cosmosdesk.bench;

import io.cosmosdesk.app.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Floors for the Live changes tab's UI stall, measured in the same JVM and window size right after the tab: what
 * the FX thread waits when nothing of ours runs, only JavaFX repainting the same area at the same rate (a hand-over
 * every 200 ms). Two floors: a plain region whose colour changes (the software renderer filling 1200 x 800 and
 * nothing else), and a stock TableView (default cells, same theme, same four columns) whose visible rows all change
 * the way the tab's do under a stream (the oldest rows leave the front, as many new ones join at the end, the table
 * follows the end). If the tab's stalls are near the second floor, what is left is JavaFX's, not ours.
 */
final class RepaintFloor {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;

    private RepaintFloor() {
    }

    /** Measures both floors for {@code seconds} each at {@code rowsPerHandOver} rows per hand-over; prints them. */
    static void print(int seconds, int rowsPerHandOver) throws InterruptedException {
        print("floor 1, a plain region of %d x %d changing colour every 200 ms: %s", WIDTH, HEIGHT,
                measure(seconds, RepaintFloor::region));
        print("floor 2, a stock TableView (default cells, 4 columns, fixed row height, the app's theme) taking "
                + "%,d new rows every 200 ms and following the end: %s", rowsPerHandOver,
                measure(seconds, () -> table(rowsPerHandOver)));
    }

    /** A scene root and what changes it once (on the FX thread). */
    private record Subject(Parent root, Runnable change) {
    }

    private static String measure(int seconds, java.util.function.Supplier<Subject> make) throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        Timeline[] timeline = new Timeline[1];
        Platform.runLater(() -> {
            Subject subject = make.get();
            Scene scene = new Scene(subject.root(), WIDTH, HEIGHT);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            timeline[0] = new Timeline(new KeyFrame(Duration.millis(200), event -> subject.change().run()));
            timeline[0].setCycleCount(Timeline.INDEFINITE);
            shown.countDown();
        });
        shown.await();
        Thread.sleep(2_000); // its first frames (cold code) are not the floor
        Platform.runLater(() -> timeline[0].play());
        UiStallMeter meter = UiStallMeter.start();
        Thread.sleep(seconds * 1_000L);
        long[] stall = meter.stop();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            timeline[0].stop();
            stage[0].close();
            closed.countDown();
        });
        closed.await(5, TimeUnit.SECONDS);
        return String.format(Locale.ROOT, "longest stall %d ms wall, %d ms UI-thread CPU; stalls over 50 ms: %s",
                stall[0], stall[1], meter.lateStalls().split(" ", 2)[0]);
    }

    private static Subject region() {
        Region region = new Region();
        boolean[] dark = {false};
        return new Subject(region, () -> {
            dark[0] = !dark[0];
            region.setBackground(new Background(new BackgroundFill(dark[0] ? Color.LIGHTGRAY : Color.WHITE, null,
                    null)));
        });
    }

    private static Subject table(int rowsPerHandOver) {
        TableView<String[]> table = new TableView<>();
        table.getStyleClass().add("changes-table"); // the app sheet's fixed row height
        for (int column = 0; column < 4; column++) {
            int at = column;
            TableColumn<String[], String> tableColumn = new TableColumn<>(List.of("Time", "id", "Key", "What").get(at));
            tableColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue()[at]));
            tableColumn.setPrefWidth(at == 3 ? 600 : 180);
            table.getColumns().add(tableColumn);
        }
        ObservableList<String[]> rows = FXCollections.observableArrayList();
        long[] next = {0};
        List<String[]> first = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            first.add(row(next[0]++));
        }
        rows.setAll(first);
        table.setItems(rows);
        return new Subject(table, () -> {
            List<String[]> added = new ArrayList<>(rowsPerHandOver);
            for (int i = 0; i < rowsPerHandOver; i++) {
                added.add(row(next[0]++));
            }
            rows.remove(0, rowsPerHandOver);
            rows.addAll(added);
            table.scrollTo(rows.size() - 1);
        });
    }

    private static String[] row(long n) {
        return new String[] {String.format("12:%02d:%02d", n / 60 % 60, n % 60), String.format("order-%07d", n),
                "\"cust-" + n % 200 + "\"", "new"};
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
