package org.exhibit.cli;

import org.exhibit.read.InputException;
import org.exhibit.web.ThreadStore;
import org.exhibit.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", sortOptions = false,
        description = {"Analyses each FILE (or loads the editions in --db DIR) and serves a reading",
                "view of the threads on a local web server: the text with its quotes, speakers,",
                "works, chains of transmission, citations, names, dates, reused text and flags.",
                "The same editions are at /api/threads as JSON. Listens on 127.0.0.1 only,",
                "unless --bind says otherwise. Stop it with Ctrl-C."},
        footer = {"", "Examples:", "  exhibit serve ../shared/samples/show-trials-thread.txt", "  exhibit serve --port 9000 threads/*.html",
                "  exhibit analyze --out editions/ threads/*.txt && exhibit serve --db editions/"})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Thread files to analyse and show.")
    List<Path> files = List.of();

    @Option(names = "--db", paramLabel = "DIR", description = "Also show every NAME.exhibit.json edition in DIR (as written by 'exhibit analyze --out DIR').")
    Path db;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Anything but loopback shows the threads to your network.")
    String bind;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", description = "Input format of the FILEs (default: detect).")
    String format;

    @Override public Integer call() {
        if (files.isEmpty() && db == null) {
            System.err.println("exhibit: serve needs thread files or --db DIR; see 'exhibit help serve'");
            return 2;
        }
        if (port < 0 || port > 65535) {
            System.err.println("exhibit: --port " + port + ": not a port number (0-65535)");
            return 2;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            System.err.println("exhibit: --bind " + bind + ": unknown address");
            return 2;
        }
        ThreadStore store = new ThreadStore();
        int[] failures = {0};
        store.addFiles(files, format, msg -> { System.err.println("exhibit: " + msg); failures[0]++; });
        if (db != null) {
            try {
                store.addDirectory(db, msg -> { System.err.println("exhibit: " + msg); failures[0]++; });
            } catch (InputException e) {
                System.err.println("exhibit: " + e.getMessage());
                return 1;
            }
        }
        if (store.size() == 0) {
            System.err.println("exhibit: no thread could be read; nothing to serve");
            return 1;
        }
        WebServer server;
        try {
            server = WebServer.start(store, address, port);
        } catch (IOException e) {
            System.err.println("exhibit: cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + (port != 0 ? "; choose another port with --port" : ""));
            return 1;
        }
        if (!address.isLoopbackAddress())
            System.err.println("exhibit: warning: listening on " + bind + "; anyone who can reach this machine can read these threads");
        System.out.println("Serving " + store.size() + (store.size() == 1 ? " thread" : " threads") + " at " + server.url()
                + (failures[0] > 0 ? " (" + failures[0] + " input(s) skipped)" : "") + "  (Ctrl-C to stop)");
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); stop.countDown(); }));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
