package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The floor the Items tab is held against: a plain TableView of the same four columns in a window of the same size
 * and theme, filled by the raw SDK paging the same container (one page ahead: each page is handed to the UI thread
 * and the next asked for at once). Its items/s and longest UI stall are what the software renderer and the table
 * itself cost on this machine, before any of the tab's own work.
 */
final class PlainTableFloor {

    /** items/s of the pass, and the CPU of its threads by group. */
    record Figures(int items, double seconds, String cpu, long cpuNanos) {
        double rate() {
            return items / seconds;
        }
    }

    private PlainTableFloor() {
    }

    /** {@code watch} starts the caller's stall watch on the UI thread as loading begins (the caller stops it). */
    static Figures run(CosmosAsyncContainer container, int pageSize, int limit, Runnable watch)
            throws InterruptedException {
        ObservableList<ObjectNode> rows = FXCollections.observableArrayList();
        CountDownLatch shown = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            TableView<ObjectNode> table = new TableView<>(rows);
            table.getColumns().addAll(List.of(column("id", "/id"), column("customerId", "/customerId"),
                    column("/customer/name", "/customer/name"), column("/total", "/total")));
            stage[0] = new Stage();
            Scene scene = BenchScenes.styled(table, 1200, 800);
            stage[0].setScene(scene);
            stage[0].show();
            new AnimationTimer() { // the window's first show and paint are not loading
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames == 4) {
                        stop();
                        shown.countDown();
                    }
                }
            }.start();
        });
        shown.await();
        Platform.runLater(watch);
        ThreadCpu cpu = ThreadCpu.start();
        long start = System.nanoTime();
        AtomicInteger handedOver = new AtomicInteger();
        CountDownLatch allShown = new CountDownLatch(1);
        String token = null;
        int count = 0;
        do {
            FeedResponse<ObjectNode> page = container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                    ObjectNode.class).byPage(token, pageSize).blockFirst();
            List<ObjectNode> items = page.getResults();
            count += items.size();
            token = page.getContinuationToken();
            boolean last = token == null || count >= limit;
            handedOver.addAndGet(items.size());
            Platform.runLater(() -> {
                rows.addAll(items);
                if (last) {
                    allShown.countDown();
                }
            });
            if (last) {
                break;
            }
        } while (true);
        allShown.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        String cpuReport = cpu.report();
        // its rows must not count in the Items tab's heap figure taken after this pass
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            stage[0].close();
            rows.clear();
            closed.countDown();
        });
        closed.await();
        return new Figures(handedOver.get(), seconds, cpuReport, cpu.totalNanos());
    }

    private static TableColumn<ObjectNode, String> column(String title, String pointer) {
        TableColumn<ObjectNode, String> column = new TableColumn<>(title);
        column.setPrefWidth(180);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().at(pointer).asText()));
        return column;
    }
}
