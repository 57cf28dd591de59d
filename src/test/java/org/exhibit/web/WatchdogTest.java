package org.exhibit.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JDK server serves every connection through one dispatcher thread: when it dies (as an OutOfMemoryError
 * raised while it allocates kills it) or hangs, the server keeps its port and never answers again. The watchdog
 * notices and listens again on the same port. Thread.stop and Thread.suspend stand in for the error and the hang.
 */
@SuppressWarnings({"deprecation", "removal"})
class WatchdogTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    WebServer server;
    Thread suspended;

    @AfterEach void stop() {
        if (suspended != null) suspended.resume();
        if (server != null) server.close();
        System.clearProperty("exhibit.watchdog-seconds");
    }

    /** Starts a server with a one-second watchdog and returns its dispatcher thread. */
    private Thread start() throws Exception {
        System.setProperty("exhibit.watchdog-seconds", "1");
        Set<Thread> before = dispatchers();
        ThreadStore store = new ThreadStore();
        store.add("thread.txt", org.exhibit.read.Readers.read("thread.txt", UploadTest.THREAD.getBytes(StandardCharsets.UTF_8), "auto"));
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0);
        Set<Thread> mine = dispatchers();
        mine.removeAll(before);
        assumeTrue(mine.size() == 1, "the server's dispatcher thread could not be told apart from others");
        assertEquals(200, status("/"));
        return mine.iterator().next();
    }

    private static Set<Thread> dispatchers() {
        Set<Thread> d = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().equals("HTTP-Dispatcher") && t.isAlive()) d.add(t);
        return d;
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Fetches the front page until it comes, for up to {@code seconds}; the seconds it took, or -1. */
    private double recovers(int seconds) throws InterruptedException {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1_000_000_000L) {
            if (status("/") == 200) return (System.nanoTime() - t0) / 1e9;
            Thread.sleep(200);
        }
        return -1;
    }

    @Test void aDeadDispatcherIsReplacedOnTheSamePort() throws Exception {
        Thread dispatcher = start();
        int port = server.port();
        try {
            dispatcher.stop();
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "Thread.stop is not supported on this JDK");
        }
        dispatcher.join(5000);
        assertFalse(dispatcher.isAlive());
        double took = recovers(30);
        assertTrue(took >= 0, "the server did not answer again after its dispatcher died");
        assertEquals(1, server.restarts());
        assertEquals(port, server.port());
        assertEquals(200, status("/api/health"));
    }

    @Test void aHungDispatcherIsReplaced() throws Exception {
        Thread dispatcher = start();
        try {
            dispatcher.suspend();
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "Thread.suspend is not supported on this JDK");
        }
        suspended = dispatcher;
        assertEquals(-1, status("/"), "a server with its dispatcher held should not answer");
        long t0 = System.nanoTime();
        while (!server.restarting() && System.nanoTime() - t0 < 40_000_000_000L) Thread.sleep(200);
        assertTrue(server.restarting(), "the watchdog did not notice that the server stopped answering");
        // A dispatcher held inside select() keeps the old socket open; once it runs again the old server is let go
        // and the port comes free for the new one.
        dispatcher.resume();
        suspended = null;
        double took = recovers(30);
        assertTrue(took >= 0, "the server did not answer again after its dispatcher was held");
        assertEquals(1, server.restarts());
        assertFalse(server.restarting());
    }

    @Test void aHealthyServerIsLeftAlone() throws Exception {
        start();
        Thread.sleep(4000);
        assertEquals(0, server.restarts());
        assertEquals(200, status("/api/health"));
    }
}
