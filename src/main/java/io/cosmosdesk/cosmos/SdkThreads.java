package io.cosmosdesk.cosmos;

import io.cosmosdesk.ui.BackgroundPriority;
import java.util.concurrent.ThreadFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.HttpResources;

/**
 * Gives the SDK's Reactor schedulers (cosmos-parallel, transport-response-bounded-elastic, ... and Reactor's own
 * parallel and bounded-elastic ones) the {@link BackgroundPriority}. The SDK creates its schedulers once, when its
 * {@code CosmosSchedulers} class loads, through Reactor's {@link Schedulers.Factory}: this must run before the first
 * client is built. The gateway client's Netty event loops (reactor-http-epoll, Reactor Netty's shared
 * {@link HttpResources}) set no priority of their own and take the one of the thread that happens to start them:
 * each loop is given the priority on its own thread.
 */
public final class SdkThreads {

    private static boolean installed;

    private SdkThreads() {
    }

    /** Installs the factory once; nothing when the background priority is the normal one. */
    public static synchronized void lowerPriority() {
        if (installed || BackgroundPriority.priority() == Thread.NORM_PRIORITY) {
            return;
        }
        installed = true;
        Schedulers.setFactory(new Schedulers.Factory() {
            @Override
            public Scheduler newBoundedElastic(int threadCap, int queuedTaskCap, ThreadFactory threads, int ttl) {
                return Schedulers.Factory.super.newBoundedElastic(threadCap, queuedTaskCap,
                        BackgroundPriority.of(threads), ttl);
            }

            @Override
            public Scheduler newParallel(int parallelism, ThreadFactory threads) {
                return Schedulers.Factory.super.newParallel(parallelism, BackgroundPriority.of(threads));
            }

            @Override
            public Scheduler newSingle(ThreadFactory threads) {
                return Schedulers.Factory.super.newSingle(BackgroundPriority.of(threads));
            }
        });
        int priority = BackgroundPriority.priority();
        HttpResources.get().onClient(true).forEach(loop -> loop.execute(() ->
                Thread.currentThread().setPriority(Math.min(priority, Thread.currentThread().getPriority()))));
    }
}
