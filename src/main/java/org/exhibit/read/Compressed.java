package org.exhibit.read;

import com.github.luben.zstd.ZstdInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Compressed inputs ({@code .zst}, {@code .gz}, {@code .bz2}), decompressed as streams. A decompression bomb is
 * refused as soon as the output passes a size limit or, past the first megabytes, a ratio to the compressed
 * size: both are settings ({@code -Dexhibit.maxDecompressed=BYTES}, {@code -Dexhibit.maxRatio=N}).
 */
public final class Compressed {
    /** Decompressed bytes allowed per file unless set otherwise. */
    public static final long DEFAULT_MAX_BYTES = Readers.MAX_BYTES;
    /** Output over input allowed; text compresses 3-15 times, a bomb thousands of times. */
    public static final long DEFAULT_MAX_RATIO = 200;
    /** The ratio is only checked past this much output, so small files of repeated text pass. */
    static final long RATIO_GRACE = 16L << 20;

    private Compressed() {}

    public static long maxBytes() { return Long.getLong("exhibit.maxDecompressed", DEFAULT_MAX_BYTES); }
    public static long maxRatio() { return Long.getLong("exhibit.maxRatio", DEFAULT_MAX_RATIO); }

    /** The compression named by the file's extension, or null. */
    public static String kind(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".zst") || n.endsWith(".zstd")) return "zst";
        if (n.endsWith(".gz")) return "gz";
        if (n.endsWith(".bz2")) return "bz2";
        return null;
    }

    /** The name without its compression extension: {@code RC_2005-12.ndjson.zst} gives {@code RC_2005-12.ndjson}. */
    public static String inner(String name) {
        return kind(name) == null ? name : name.substring(0, name.lastIndexOf('.'));
    }

    public static boolean isCompressed(Path p) { return kind(p.toString()) != null; }

    /** The decompressed bytes of a file, streamed and bounded by {@link #maxBytes()} and {@link #maxRatio()}. */
    public static InputStream open(Path path) throws InputException {
        return open(path, maxBytes(), maxRatio());
    }

    public static InputStream open(Path path, long maxBytes, long maxRatio) throws InputException {
        String name = path.toString();
        String kind = kind(name);
        try {
            long size = Files.size(path);
            InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            InputStream in;
            try {
                in = switch (kind == null ? "" : kind) {
                    case "zst" -> new ZstdInputStream(raw);
                    case "gz" -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
                    case "bz2" -> new BZip2CompressorInputStream(raw, true);
                    default -> raw;
                };
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw new InputException(name + ": is not a valid " + kind + " file: " + message(e));
            }
            return kind == null ? in : new Bounded(in, name, size, maxBytes, maxRatio);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + message(e));
        }
    }

    /** All decompressed bytes (bounded as {@link #open(Path)}); errors are one line naming the file. */
    public static byte[] readAll(Path path) throws InputException {
        try (InputStream in = open(path)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (Bomb e) {
            throw new InputException(e.getMessage());
        } catch (IOException e) {
            throw new InputException(path + ": cannot be decompressed: " + message(e));
        }
    }

    /** True when the bytes begin as a zstd, gzip or bzip2 stream does. */
    public static boolean looksCompressed(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f && (b[3] & 0xff) == 0xfd) return true;
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return true;
        return b.length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h';
    }

    /** Decompresses bytes held in memory (as Spark hands a file over), under the same limits. */
    public static byte[] decompress(String name, byte[] data) throws InputException {
        return decompress(name, data, maxBytes());
    }

    /** As {@link #decompress(String, byte[])}, refusing more than {@code maxBytes} of output with a {@link Bomb}. */
    public static byte[] decompressAtMost(String name, byte[] data, long maxBytes) throws InputException, Bomb {
        try {
            return decompress(name, data, maxBytes);
        } catch (InputException e) {
            if (e.getCause() instanceof Bomb b) throw b;
            throw e;
        }
    }

    private static byte[] decompress(String name, byte[] data, long maxBytes) throws InputException {
        String kind = kind(name);
        try (InputStream raw = new java.io.ByteArrayInputStream(data);
             InputStream in = new Bounded(switch (kind == null ? "" : kind) {
                 case "zst" -> new ZstdInputStream(raw);
                 case "gz" -> GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
                 case "bz2" -> new BZip2CompressorInputStream(raw, true);
                 default -> raw;
             }, name, data.length, maxBytes, maxRatio())) {
            return in.readAllBytes();
        } catch (Bomb e) {
            throw new InputException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name + ": is not a valid " + kind + " file: " + message(e));
        }
    }

    static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Thrown from a read that passes a limit; its message is the user's one line. */
    public static final class Bomb extends IOException {
        Bomb(String message) { super(message); }
    }

    /** Counts what comes out and stops at the limits. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private final long compressed, maxBytes, maxRatio;
        private long count;

        Bounded(InputStream in, String name, long compressed, long maxBytes, long maxRatio) {
            super(in);
            this.name = name;
            this.compressed = Math.max(1, compressed);
            this.maxBytes = maxBytes;
            this.maxRatio = maxRatio;
        }

        private void add(long n) throws Bomb {
            if (n <= 0) return;
            count += n;
            if (count > maxBytes)
                throw new Bomb(name + ": decompresses to more than " + size(maxBytes) + " (limit: -Dexhibit.maxDecompressed=BYTES, or --max-decompressed)");
            if (count > RATIO_GRACE && count / compressed > maxRatio)
                throw new Bomb(name + ": decompresses more than " + maxRatio + " times its size (" + size(compressed)
                        + " compressed): refused as a decompression bomb (limit: -Dexhibit.maxRatio=N)");
        }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(n);
            return n;
        }

        @Override public long skip(long n) throws IOException {
            long s = super.skip(n);
            add(s);
            return s;
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GB";
        if (bytes >= 1L << 20) return (bytes >> 20) + " MB";
        if (bytes >= 1L << 10) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }
}
