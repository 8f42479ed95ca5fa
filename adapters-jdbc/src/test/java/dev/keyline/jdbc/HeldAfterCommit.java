package dev.keyline.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Holds the transaction of one thread between its commit and the rest of its end: the close of
 * that thread's connection, which the provider sends after the commit and before its after-commit
 * hooks (which keep the saved states), waits until {@link #release()}. So a test sees what a
 * transaction of the same storage meets while a rival's commit is in the database but not yet
 * kept. Wraps a real data source with {@link Proxy proxies}; every other thread passes through.
 */
final class HeldAfterCommit {

    private static final long WAIT_SECONDS = 30;

    private final DataSource dataSource;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Thread holding;

    HeldAfterCommit(DataSource real) {
        this.dataSource = proxy(DataSource.class, real, (method, args) -> {
            Object result = invoke(real, method, args);
            return result instanceof Connection c ? held(c) : result;
        });
    }

    /** The wrapped data source, for the storage under test. */
    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work}, one transaction, on a thread of its own, and returns once that
     * transaction has committed and is held at the close of its connection.
     *
     * @throws AssertionError when the work ended, or did not reach the close in time
     */
    <T> CompletableFuture<T> start(Supplier<T> work) throws InterruptedException {
        CompletableFuture<T> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                done.complete(work.get());
            } catch (Throwable failure) {
                done.completeExceptionally(failure);
            } finally {
                reached.countDown();
            }
        }, "held-after-commit");
        holding = thread;
        thread.start();
        if (!reached.await(WAIT_SECONDS, TimeUnit.SECONDS) || done.isDone()) {
            released.countDown();
            throw new AssertionError("the held work did not stop after its commit: " + done);
        }
        return done;
    }

    /** Lets the held transaction end: its connection closes and its after-commit hooks run. */
    void release() {
        released.countDown();
    }

    private Connection held(Connection real) {
        return proxy(Connection.class, real, (method, args) -> {
            if (method.getName().equals("close") && Thread.currentThread() == holding) {
                reached.countDown();
                if (!released.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError("the held transaction was never released");
                }
            }
            return invoke(real, method, args);
        });
    }

    private interface Handler {
        Object handle(java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        return (T) Proxy.newProxyInstance(HeldAfterCommit.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> handler.handle(method, args));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
