package io.cosmosdesk.changes;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Live changes tab of one container: reads its change feed in rounds on background threads ({@link ChangeReader},
 * which never waits for the UI thread), keeps the newest rows within a memory budget ({@link CapturedRows}), pauses
 * without losing what arrives meanwhile, filters, saves where it stopped so a reopened tab continues there, and
 * exports what it captured.
 */
public final class LiveChangesViewModel {

    /** Where the tab is. */
    public enum State { STARTING, LIVE, PAUSED, STOPPED, FAILED }

    /** Waits between rounds; the tests' runs without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final String ALL_VERSIONS_START = FeedChoice.ALL_VERSIONS_START;

    /** How a point in time is typed: {@code 2026-12-06 08:30}, seconds optional. */
    public static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** Failures after which reading again cannot help until the user does something. */
    private static final Set<ErrorKind> FATAL = Set.of(ErrorKind.NOT_FOUND, ErrorKind.UNAUTHORIZED,
            ErrorKind.FORBIDDEN, ErrorKind.BAD_REQUEST);

    private final ContainerHandle handle;
    private final ChangeFeedService service;
    private final PositionKeeper position;
    private final CapturedExport export;
    private final RowHandOver handOver;
    private final ChangeReader reader;
    private final TaskRunner taskRunner;
    private final Clock clock;
    private final ChangeTracker tracker;
    private final CapturedRows captured;
    private final PollingPace pace;
    private final FilteredList<ChangeRow> visibleRows;
    private final FeedChoice feed = new FeedChoice();

    // Properties
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.STOPPED);
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper gone = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper("");
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ChangeFeedStart> startedFrom = new ReadOnlyObjectWrapper<>();

    private final StringBinding status;
    private final StringBinding title;

    private long generation;
    /** The reading whose first round has ended: Live once the view is not warming up ({@link #holdLiveWhile}). */
    private long roundEndedFor = -1;
    private ObservableBooleanValue viewWarming = new SimpleBooleanProperty();

    public LiveChangesViewModel(ContainerHandle handle, ChangeFeedService service, FeedPositions positions,
            TaskRunner taskRunner, Sleeper sleeper, Clock clock) {
        this.handle = handle;
        this.service = service;
        this.taskRunner = taskRunner;
        this.clock = clock;
        this.tracker = new ChangeTracker(handle.info().partitionKeyPaths());
        this.captured = new CapturedRows(CapturedRows.MAX_ROWS, CapturedRows.MAX_BODY_CHARS);
        this.pace = new PollingPace(handle.connection().profile().isLocalEndpoint()
                ? PollingPace.LOCAL_CEILING : PollingPace.ACCOUNT_CEILING);
        this.visibleRows = new FilteredList<>(captured.rows());
        this.position = new PositionKeeper(handle, positions, taskRunner, clock);
        this.export = new CapturedExport(captured, taskRunner);
        this.handOver = new RowHandOver(captured, taskRunner);
        this.reader = new ChangeReader(taskRunner, sleeper, pace, position, handOver, this::roundEnded, this::failed);
        this.status = LiveStatusText.status(state, captured, position, pace.ceiling());
        this.title = LiveStatusText.title(state, handle.ref().containerId());
    }

    // Properties

    public ContainerHandle handle() {
        return handle;
    }

    /** The rows kept, oldest first, as the filter shows them. */
    public ObservableList<ChangeRow> visibleRows() {
        return visibleRows;
    }

    public CapturedRows captured() {
        return captured;
    }

    /** One line for the status bar: live or paused, how many captured, waiting and dropped. */
    public StringExpression statusProperty() {
        return status;
    }

    /** The tab's text: "Changes · orders", with "(paused)" or "(stopped)". */
    public StringExpression titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Why the typed point in time cannot be used; empty when it can. */
    public ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    /** Where this container's tab stopped last time, or null. */
    public ReadOnlyObjectProperty<FeedPositions.Saved> savedPositionProperty() {
        return position.savedProperty();
    }

    /** Whether the all-versions-and-deletes mode is available, or null while asking. */
    public ReadOnlyObjectProperty<AllVersionsSupport> allVersionsProperty() {
        return feed.allVersionsProperty();
    }

    /** Which feed the tab reads: the latest version of each change, or all versions and deletes. */
    public ReadOnlyObjectProperty<FeedMode> modeProperty() {
        return feed.modeProperty();
    }

    public ReadOnlyObjectProperty<ChangeFeedStart> startedFromProperty() {
        return startedFrom.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return export.messageProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return export.exportingProperty();
    }

    /** When the position was last saved on a stop (or the tab closing); null before. */
    public ReadOnlyObjectProperty<java.time.Instant> positionSavedAtProperty() {
        return position.savedAtProperty();
    }

    /** How long the tab waits at most between two reads while nothing changes. */
    public Duration idleCeiling() {
        return pace.ceiling();
    }

    // Commands

    /**
     * Opens the tab's feed: continues where this container's tab stopped last time when that was saved, otherwise
     * from now. Also asks whether the account serves all versions and deletes.
     */
    public void open() {
        position.load(found -> start(found ? ChangeFeedStart.saved() : ChangeFeedStart.now()));
        feed.probe(taskRunner, service, handle);
    }

    /**
     * Reads the other feed from now on: all versions and deletes (where the account serves it: false and the reason
     * in {@link #startErrorProperty} where it does not), or the latest version of each change.
     */
    public boolean chooseMode(FeedMode chosen) {
        String refused = feed.refusalOf(chosen);
        if (refused != null) {
            startError.set(refused);
            return false;
        }
        startError.set("");
        if (chosen != feed.mode()) {
            feed.setMode(chosen);
            start(ChangeFeedStart.now());
        }
        return true;
    }

    /**
     * While {@code warming} is true a starting tab keeps saying Starting after its first round, so the view can pay its
     * first drawing of rows before the stream (TableWarmUp). Nothing waits: rows read meanwhile are handed over as they
     * come, and the view stops warming up as soon as they do.
     */
    public void holdLiveWhile(ObservableBooleanValue warming) {
        viewWarming = warming;
        warming.addListener((obs, was, now) -> goLiveIfRead());
    }

    /** Where a failure met here is reported, so the container's other tabs learn it is gone. */
    public void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = java.util.Objects.requireNonNull(failures);
    }

    /** True once the container is known to be gone: reading stops and cannot start again. */
    public javafx.beans.property.ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** The container no longer exists: reading stops, the rows captured stay, and the tab says so. */
    public void containerGone(String sentence) {
        gone.set(true);
        generation = reader.restart();
        errorMessage.set(sentence);
        state.set(State.FAILED);
    }

    /** (Re)starts reading from {@code start}; rows captured so far stay, and so do the versions seen. */
    public void start(ChangeFeedStart start) {
        if (gone.get()) {
            startError.set(errorMessage.get());
            return;
        }
        String refused = feed.refusalToStart(start);
        if (refused != null) {
            startError.set(refused);
            return;
        }
        startError.set("");
        handOver.handOverNow(); // what the reading so far took is shown before the new reading starts
        long current = reader.restart();
        generation = current;
        errorMessage.set("");
        startedFrom.set(start);
        state.set(State.STARTING);
        FeedPositions.Saved saved = start.kind() == ChangeFeedStart.Kind.SAVED ? position.savedProperty().get() : null;
        if (saved != null) {
            feed.setMode(saved.mode());
        }
        ChangeFeedSession session = new ChangeFeedSession(service, handle, start, tracker, ChangeFeedService.PAGE_SIZE,
                feed.mode());
        if (start.kind() == ChangeFeedStart.Kind.SAVED) {
            if (saved == null) {
                failed(current, new CosmosDeskException(ErrorKind.NOT_FOUND,
                        "There is no saved position for this container: start from now or from the beginning."));
                return;
            }
            position.startingFrom(saved.cursors());
            reader.start(current, session, saved.cursors());
            return;
        }
        taskRunner.start(BackgroundTask.of("Reading the feed ranges", ctx -> service.openCursors(handle))
                .onSuccess(opened -> {
                    if (current == generation) {
                        reader.start(current, session, opened);
                    }
                })
                .onFailure(error -> failed(current, error)));
    }

    /**
     * Starts from a point in time typed as {@code yyyy-MM-dd HH:mm[:ss]} in {@code zone}; false (and a sentence in
     * {@link #startErrorProperty}) when it is not a time.
     */
    public boolean startFromTyped(String typed, ZoneId zone) {
        try {
            LocalDateTime at = LocalDateTime.parse(typed == null ? "" : typed.strip(), TYPED_TIME);
            startError.set("");
            start(ChangeFeedStart.pointInTime(at.atZone(zone).toInstant()));
            return true;
        } catch (DateTimeParseException e) {
            startError.set("Type the point in time as year-month-day hours:minutes, e.g. "
                    + LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0).format(TYPED_TIME) + ".");
            return false;
        }
    }

    /** Stops showing new rows; they are still read and kept, and shown on {@link #resume}. */
    public void pause() {
        if (state.get() == State.LIVE || state.get() == State.STARTING) {
            captured.pause();
            state.set(State.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED) {
            captured.resume();
            state.set(reader.session() == null ? State.STOPPED : State.LIVE);
        }
    }

    /** Stops reading; the position is saved, so starting from the saved position continues from here. */
    public void stop() {
        generation = reader.restart();
        handOver.handOverNow(); // the rows the position saved below ends after
        captured.resume();
        savePosition();
        state.set(State.STOPPED);
    }

    /** Forgets the rows captured so far (not the versions seen, so the next change of an item is still a diff). */
    public void clear() {
        captured.clear();
    }

    public void applyFilter() {
        try {
            ChangeFilter filter = ChangeFilter.parse(filterText.get());
            filterError.set("");
            visibleRows.setPredicate(filter == ChangeFilter.ALL ? null : filter);
        } catch (IllegalArgumentException e) {
            filterError.set(e.getMessage());
        }
    }

    /** Writes every captured row still kept (including those waiting while paused) to {@code file}, one per line. */
    public void exportTo(Path file) {
        export.exportTo(file);
    }

    /** The tab was closed: stop reading and save where it stopped. */
    public void close() {
        stop();
    }

    // Rounds

    private void roundEnded(long current) {
        if (current != generation) {
            return;
        }
        roundEndedFor = current;
        goLiveIfRead();
        errorMessage.set("");
        handOver.roundEnded();
    }

    private void goLiveIfRead() {
        if (state.get() == State.STARTING && roundEndedFor == generation && !viewWarming.get()) {
            state.set(captured.isPaused() ? State.PAUSED : State.LIVE);
        }
    }

    private void failed(long current, Throwable error) {
        if (current != generation) {
            return;
        }
        CosmosDeskException mapped = CosmosErrors.classify(error);
        failures.seen(handle, error); // a 404 may be the container's: checked there, and all its tabs follow
        if (FATAL.contains(mapped.kind()) || !reader.isReading(current) || reader.cursors().isEmpty()) {
            errorMessage.set("Stopped reading changes: " + mapped.userMessage());
            state.set(State.FAILED);
            return;
        }
        Duration wait = pace.afterFailure();
        errorMessage.set(mapped.userMessage() + " Trying again in " + wait.toSeconds() + " s.");
        reader.retryAfter(current, wait);
    }

    private void savePosition() {
        position.save(reader.cursors(), reader.mode(feed.mode()), errorMessage::set);
    }
}
