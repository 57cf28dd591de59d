package org.exhibit.bench;

import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;
import org.openjdk.jmh.annotations.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of reading one thread, of each stage of {@link Pipeline#standard()} on it (earlier stages are run in the
 * per-invocation setup, outside the measurement), and of the whole per-document path (read + every stage).
 * {@code stage} is "read", "pipeline" or a stage name; bench/run.sh passes the stages of the build it runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StageBench {
    /** The thread file; empty or missing: a generated 75 KB thread. */
    @Param({""}) public String thread;
    @Param({"pipeline"}) public String stage;

    private byte[] bytes;
    private String name;
    private final List<Stage> before = new ArrayList<>();
    private Stage target;
    private Document doc;

    @Setup(Level.Trial) public void load() throws Exception {
        bytes = threadBytes(thread);
        name = thread.isEmpty() || !Files.exists(Path.of(thread)) ? "generated.txt" : thread;
        if (stage.equals("read") || stage.equals("pipeline")) return;
        for (Stage s : Pipeline.standard().stages()) {
            if (s.name().equals(stage)) { target = s; break; }
            before.add(s);
        }
        if (target == null) throw new IllegalArgumentException("no stage named " + stage + " in Pipeline.standard()");
    }

    @Setup(Level.Invocation) public void prepare() throws Exception {
        if (target == null) return;
        doc = Readers.read(name, bytes, null);
        for (Stage s : before) s.apply(doc);
    }

    @Benchmark public Object run() throws Exception {
        if (stage.equals("read")) return Readers.read(name, bytes, null);
        if (stage.equals("pipeline")) return Pipeline.standard().run(Readers.read(name, bytes, null));
        target.apply(doc);
        return doc;
    }

    /** The sample thread's bytes, or a generated thread of the sample's size when the file is absent. */
    static byte[] threadBytes(String thread) throws Exception {
        if (!thread.isEmpty() && Files.exists(Path.of(thread))) return Files.readAllBytes(Path.of(thread));
        return new Synth(7, 20).thread("generated.txt", 75_000, 0, new ArrayList<>()).getBytes(StandardCharsets.UTF_8);
    }
}
