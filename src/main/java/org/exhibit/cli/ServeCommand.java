package org.exhibit.cli;

import org.exhibit.read.InputException;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;
import org.exhibit.web.CorpusView;
import org.exhibit.web.ThreadStore;
import org.exhibit.web.Uploads;
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
                "The same editions are at /api/threads as JSON. /new opens a thread pasted or",
                "uploaded in the browser, at a URL made from its content hash. With a corpus made",
                "by 'exhibit ingest': search, people, works and reuse pages (and /api/ for each).",
                "Listens on 127.0.0.1 only, unless --bind says otherwise. Stop it with Ctrl-C."},
        footer = {"", "Examples:", "  exhibit serve ../shared/samples/show-trials-thread.txt", "  exhibit serve --port 9000 threads/*.html",
                "  exhibit analyze --out editions/ threads/*.txt && exhibit serve --db editions/",
                "  exhibit ingest --db corpus/ threads/ && exhibit serve --corpus corpus/",
                "  exhibit serve --corpus postgresql://user:pw@127.0.0.1:5432/exhibit --index idx/",
                "  exhibit serve --store uploads/        # open threads at /new; they stay after a restart"})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Thread files to analyse and show.")
    List<Path> files = List.of();

    @Option(names = "--db", paramLabel = "DIR", description = {"Also show every NAME.exhibit.json edition in DIR (as written by 'exhibit analyze --out DIR'),",
            "or, when DIR is a corpus made by 'exhibit ingest', serve the corpus (as --corpus). Uploads are kept in DIR/uploads/."})
    Path db;

    @Option(names = "--corpus", paramLabel = "DIR|URL", description = {"Serve a corpus made by 'exhibit ingest --db DIR': search, people, works, reuse. Uploads are kept in DIR/uploads/.",
            "A PostgreSQL store is given as postgresql://user:password@host:port/db (its index with --index)."})
    String corpusSpec;

    @Option(names = "--jdbc", paramLabel = "URL", description = "Serve the corpus in this store (jdbc:postgresql://... or jdbc:sqlite:...), as --corpus.")
    String jdbc;

    @Option(names = "--index", paramLabel = "DIR", description = "The corpus's search index; default DIR/index for a corpus directory, ./exhibit-index for a server store.")
    Path indexDir;

    @Option(names = "--no-index-uploads", description = "With a corpus: keep threads opened in the browser out of the corpus (by default each is stored and indexed in it, so search finds it).")
    boolean noIndexUploads;

    @Option(names = "--store", paramLabel = "DIR", description = "Keep threads opened in the browser in DIR (made if needed), so their URLs survive a restart.")
    Path uploadDir;

    @Option(names = "--max-upload-mb", paramLabel = "N", defaultValue = "5", description = "Largest thread the browser may upload, in MB (default ${DEFAULT-VALUE}; 0 turns uploads off).")
    int maxUploadMb;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}). Anything but loopback shows the threads to your network.")
    String bind;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", description = "Input format of the FILEs (default: detect).")
    String format;

    @Override public Integer call() {
        if (corpusSpec != null && jdbc != null) {
            System.err.println("exhibit: give the corpus with --corpus or with --jdbc, not both");
            return 2;
        }
        if (jdbc != null) corpusSpec = jdbc;
        if (files.isEmpty() && db == null && corpusSpec == null && uploadDir == null) {
            System.err.println("exhibit: serve needs thread files, --db DIR, --corpus DIR or --store DIR; see 'exhibit help serve'");
            return 2;
        }
        if (maxUploadMb < 0 || maxUploadMb > 2000) {
            System.err.println("exhibit: --max-upload-mb " + maxUploadMb + ": give a size from 0 (no uploads) to 2000");
            return 2;
        }
        if (corpusSpec == null && CorpusView.isCorpus(db)) { corpusSpec = db.toString(); db = null; }
        StoreTarget target = null;
        if (corpusSpec != null) {
            try {
                target = StoreTarget.parse(corpusSpec);
            } catch (IllegalArgumentException e) {
                System.err.println("exhibit: " + e.getMessage());
                return 2;
            }
            if (target.directory() != null && !CorpusView.isCorpus(target.directory())) {
                System.err.println("exhibit: " + corpusSpec + ": no corpus here (make one with 'exhibit ingest --db " + corpusSpec + " FILES')");
                return 1;
            }
        }
        // a corpus directory keeps the uploads beside its store; a server store keeps them only with --store
        Path corpusDir = target == null ? null : target.directory();
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
        Path keep = uploadDir != null ? uploadDir : db != null ? db.resolve("uploads") : corpusDir != null ? corpusDir.resolve("uploads") : null;
        Uploads uploads = maxUploadMb == 0 ? null : new Uploads(store, keep, (long) maxUploadMb << 20);
        if (uploads != null) {
            try {
                uploads.load(msg -> { System.err.println("exhibit: " + msg); failures[0]++; });
            } catch (InputException e) {
                System.err.println("exhibit: " + e.getMessage());
                return 1;
            }
        }
        CorpusView corpus = null;
        if (target != null) {
            try {
                Path index = indexDir != null ? indexDir.toAbsolutePath().normalize()
                        : target.directory() == null && target.jdbcUrl().startsWith("jdbc:sqlite:")
                        ? Path.of(target.jdbcUrl().substring("jdbc:sqlite:".length()) + ".index").toAbsolutePath()
                        : org.exhibit.index.Corpus.defaultIndex(target);
                corpus = CorpusView.open(target, index);
            } catch (StoreException | IOException e) {
                System.err.println("exhibit: " + e.getMessage());
                return 1;
            }
        }
        if (corpus != null && uploads != null && !noIndexUploads) uploads.addTo(corpus::addLater);
        if (store.size() == 0 && corpus == null && uploadDir == null) {
            System.err.println("exhibit: no thread could be read; nothing to serve");
            return 1;
        }
        WebServer server;
        try {
            server = WebServer.start(store, address, port, new WebServer.Options(corpus, uploads));
        } catch (IOException e) {
            System.err.println("exhibit: cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + (port != 0 ? "; choose another port with --port" : ""));
            return 1;
        }
        if (!address.isLoopbackAddress())
            System.err.println("exhibit: warning: listening on " + bind + "; anyone who can reach this machine can read these threads");
        System.out.println("Serving " + store.size() + (store.size() == 1 ? " thread" : " threads")
                + (corpus != null ? " and a corpus of " + corpus.documents().size() + " documents" : "") + " at " + server.url()
                + (failures[0] > 0 ? " (" + failures[0] + " input(s) skipped)" : "") + "  (Ctrl-C to stop)");
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        CorpusView open = corpus;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.close(); if (open != null) open.close(); stop.countDown(); }));
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
