package io.cosmosdesk.bench;

import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.transfer.ImportDialog;
import io.cosmosdesk.transfer.ImportDialogController;
import io.cosmosdesk.transfer.ImportDialogViewModel;
import io.cosmosdesk.transfer.ImportService;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import io.cosmosdesk.ui.FxmlView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * How long "Import…" takes to show its dialog, first open in the JVM and then warm: from the action on the UI thread
 * to the dialog shown and its first frame laid out, with the UI thread's CPU for the whole, over the real main window
 * (the app's theme and sheet). A first open pays for class loading and the first CSS of controls the main window has
 * not shown yet (TextArea, ListView, ProgressBar); a warm open is the dialog's own work.
 * Args: [warm rounds, default 10] [fxml-first: load the dialog's view alone once before the first open, timed].
 */
public final class ImportOpenBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ImportOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path home = Files.createTempDirectory("import-open-");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Stage[] main = new Stage[1];
        AppContext[] context = new AppContext[1];
        onFx(() -> {
            Theme.LIGHT.apply();
            main[0] = new Stage();
            context[0] = MainWindowFixture.show(main[0], home, new FxDialogService(null));
        });
        settle(2_000);
        ContainerHandle target = OfflineContainer.handle("retail", "orders");
        ImportDialog dialog = new ImportDialog(new ImportService(home.resolve("imports"), null), new FxTaskRunner(),
                new FxDialogService(main[0]), Theme.APP_STYLESHEET);
        if (args.length > 1 && args[1].equals("fxml-first")) {
            // the view alone first (FXML, controls, the controller's bindings): what is left of the first open is
            // the window, its CSS and its layout
            long[] view = new long[2];
            onFx(() -> {
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                ImportDialogViewModel viewModel = new ImportDialogViewModel(
                        new ImportService(home.resolve("imports"), null), new FxTaskRunner(),
                        new FxDialogService(main[0]), target);
                FxmlView.load(ImportDialog.class, ImportDialog.FXML, ImportDialogController.class,
                        () -> new ImportDialogController(viewModel), "the import dialog");
                view[0] = System.nanoTime() - start;
                view[1] = THREADS.getCurrentThreadCpuTime() - cpu;
            });
            System.out.printf("[import-open] the view alone, first: %d ms (UI CPU %d ms)%n", view[0] / 1_000_000,
                    view[1] / 1_000_000);
            settle(300);
        }
        List<long[]> warm = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long[] figures = openOnce(dialog, main[0], target);
            System.out.printf("[import-open] %s: shown %d ms (UI CPU %d ms), first frame %d ms%n",
                    round == 0 ? "first open" : "warm open " + round, figures[0] / 1_000_000,
                    figures[1] / 1_000_000, figures[2] / 1_000_000);
            if (round > 0) {
                warm.add(figures);
            }
            settle(300);
        }
        warm.sort((a, b) -> Long.compare(a[2], b[2]));
        long[] median = warm.get(warm.size() / 2);
        System.out.printf("[import-open] warm median: shown %d ms, first frame %d ms (of %d)%n",
                median[0] / 1_000_000, median[2] / 1_000_000, warm.size());
        onFx(() -> main[0].close());
        context[0].close();
        Platform.exit();
        System.exit(0);
    }

    /** Wall to shown, the UI thread's CPU to shown, wall to the end of the first layout pulse after it. */
    private static long[] openOnce(ImportDialog dialog, Stage owner, ContainerHandle target) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            Stage stage = dialog.show(owner, target, null);
            long shown = System.nanoTime() - start;
            long shownCpu = THREADS.getCurrentThreadCpuTime() - cpu;
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                stage.getScene().removePostLayoutPulseListener(listener[0]);
                long frame = System.nanoTime() - start;
                Platform.runLater(() -> {
                    stage.close();
                    done.complete(new long[] {shown, shownCpu, frame});
                });
            };
            stage.getScene().addPostLayoutPulseListener(listener[0]);
        });
        return done.get(120, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(120, TimeUnit.SECONDS);
    }

    private static void settle(long millis) throws Exception {
        Thread.sleep(millis);
        onFx(() -> { });
    }
}
