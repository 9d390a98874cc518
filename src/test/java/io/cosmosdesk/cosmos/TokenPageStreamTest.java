package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The page stream by continuation token: one page per pull, and with read-ahead the next one asked for early. */
class TokenPageStreamTest {

    /** Pages "p0" (token null) -> "t1" -> "t2" -> end; each request's reply is held until {@link #answer}. */
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private final Map<String, Sinks.One<ItemPage>> replies = new ConcurrentHashMap<>();
    private static String key(String token) {
        return token == null ? "start" : token;
    }

    private static ItemPage page(String next) {
        return new ItemPage(List.of(), next, 1, Duration.ZERO, null);
    }

    private static String after(String token) {
        return token == null ? "t1" : token.equals("t1") ? "t2" : null;
    }

    private Mono<ItemPage> read(String token, boolean atOnce) {
        return Mono.defer(() -> {
            requested.add(key(token));
            if (atOnce) {
                return Mono.just(page(after(token)));
            }
            Sinks.One<ItemPage> reply = Sinks.one();
            replies.put(key(token), reply);
            return reply.asMono().doOnCancel(() -> cancelled.add(key(token)));
        });
    }

    private TokenPageStream stream(boolean atOnce) {
        return new TokenPageStream("Querying", null, token -> read(token, atOnce));
    }

    @Test
    void withoutReadAheadOnlyThePagesPulledAreAskedFor() {
        TokenPageStream stream = stream(true);
        assertThat(requested).as("nothing before the first pull").isEmpty();
        assertThat(stream.next().continuationToken()).isEqualTo("t1");
        assertThat(requested).containsExactly("start");
        assertThat(stream.next().continuationToken()).isEqualTo("t2");
        assertThat(requested).containsExactly("start", "t1");
    }

    @Test
    void withReadAheadTheNextPageIsAskedForAsSoonAsAPageIsDeliveredAndServesTheNextPull() {
        TokenPageStream stream = stream(true);
        stream.next();
        stream.readAhead();
        assertThat(stream.next().continuationToken()).isEqualTo("t2");
        assertThat(requested).as("the page after the one delivered is asked for before it is pulled")
                .containsExactly("start", "t1", "t2");
        assertThat(stream.continuationToken()).as("the last delivered page's token, not the read-ahead's")
                .isEqualTo("t2");

        assertThat(stream.next().continuationToken()).isNull();
        assertThat(requested).as("the read-ahead page served the pull; nothing after the last page")
                .containsExactly("start", "t1", "t2");
        assertThatThrownBy(stream::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withReadAheadAPageThatComesInBeforeItIsPulledAsksForTheNextUpToTwoAhead() {
        // pages start -> t1 -> t2 -> ... -> t9; the first is answered at once, the others when the test says
        TokenPageStream stream = new TokenPageStream("Querying", null, token -> Mono.defer(() -> {
            requested.add(key(token));
            String next = token == null ? "t1" : "t" + (Integer.parseInt(token.substring(1)) + 1);
            if (token == null) {
                return Mono.just(page(next));
            }
            Sinks.One<ItemPage> reply = Sinks.one();
            replies.put(token, reply);
            return reply.asMono().map(answered -> page(next));
        }));
        stream.readAhead();
        assertThat(stream.next().continuationToken()).isEqualTo("t1");
        assertThat(requested).containsExactly("start", "t1");

        replies.get("t1").tryEmitValue(page("ignored")); // in before the caller pulls it
        assertThat(requested).as("the page after it is asked for at once, not when t1 is pulled")
                .containsExactly("start", "t1", "t2");
        replies.get("t2").tryEmitValue(page("ignored"));
        assertThat(requested).as("never more than two pages beyond the last delivered").hasSize(3);

        assertThat(stream.next().continuationToken()).isEqualTo("t2");
        assertThat(requested).as("a pull makes room for one more").containsExactly("start", "t1", "t2", "t3");
        assertThat(stream.continuationToken()).isEqualTo("t2");
        stream.close();
        assertThatThrownBy(stream::next).isInstanceOf(CancellationException.class);
    }

    @Test
    void closingCancelsThePageReadAheadAndNothingMoreIsDelivered() {
        List<String> log = new ArrayList<>();
        TokenPageStream stream = new TokenPageStream("Querying", null, token -> read(token, token == null));
        stream.readAhead();
        log.add(String.valueOf(stream.next().continuationToken()));
        assertThat(requested).containsExactly("start", "t1");
        assertThat(cancelled).isEmpty();

        stream.close();
        assertThat(cancelled).as("the page read ahead is cancelled").containsExactly("t1");
        assertThatThrownBy(stream::next).isInstanceOf(CancellationException.class);
        assertThat(stream.continuationToken()).isEqualTo("t1");
        assertThat(log).containsExactly("t1");
    }

    @Test
    void aFailedReadAheadPageFailsThePullThatWantsIt() {
        TokenPageStream stream = new TokenPageStream("Querying", null, token -> token == null
                ? Mono.just(page("t1"))
                : Mono.error(new CosmosDeskException(ErrorKind.UNREACHABLE, "Cannot reach the account.")));
        stream.readAhead();
        stream.next();
        assertThatThrownBy(stream::next).isInstanceOfSatisfying(CosmosDeskException.class,
                failure -> assertThat(failure.kind()).isEqualTo(ErrorKind.UNREACHABLE));
        assertThat(stream.continuationToken()).as("a new stream carries on there").isEqualTo("t1");
    }

    @Test
    void withReadAheadTheNextPageIsAskedForBeforeThisPagesRowsAreMade() {
        List<String> requestedWhenRowsWereMade = new ArrayList<>();
        TokenPageStream stream = TokenPageStream.ofReplies("Querying", null, token -> Mono.defer(() -> {
            requested.add(key(token));
            String next = after(token);
            return Mono.just(new TokenPageStream.PageReply(next, () -> {
                requestedWhenRowsWereMade.add(String.join(",", requested));
                return page(next);
            }));
        }));
        stream.readAhead();
        assertThat(stream.next().continuationToken()).isEqualTo("t1");
        assertThat(requestedWhenRowsWereMade).as("the rows of the first page are made after the pages ahead of it "
                + "were asked for").containsExactly("start,t1,t2");
        assertThat(stream.next().continuationToken()).isEqualTo("t2");
        assertThat(stream.next().continuationToken()).isNull();
        assertThat(requestedWhenRowsWereMade).containsExactly("start,t1,t2", "start,t1,t2", "start,t1,t2");
        assertThat(requested).as("nothing after the last page").containsExactly("start", "t1", "t2");
    }

    @Test
    void aPageWhoseRowsCannotBeMadeFailsThePullAndClosesTheStream() {
        TokenPageStream stream = TokenPageStream.ofReplies("Querying", null, token -> Mono.defer(() -> {
            requested.add(key(token));
            return Mono.just(new TokenPageStream.PageReply(after(token), () -> {
                throw new java.io.UncheckedIOException(new java.io.IOException("bad item"));
            }));
        }));
        stream.readAhead();
        assertThatThrownBy(stream::next).isInstanceOf(CosmosDeskException.class);
        assertThatThrownBy(stream::next).as("closed").isInstanceOf(CancellationException.class);
    }
}
