package org.gansuite.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.zip.CRC32;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.io.Sha256;

/**
 * Prepares an {@link ImageSource} once into a compact uint8 cache file and opens it memory-mapped,
 * so that epochs stream without decoding the source again. A cache is rebuilt when it is missing,
 * stale (the source's fingerprint changed) or corrupt (bad header, wrong size, label CRC, or pixel
 * hash when verified). It is written to a temporary file and moved into place atomically, so a
 * crash never leaves a partial cache under the final name. Files are named after the data set and
 * a digest of the source description, so different sources and options never share a file.
 */
public final class DataCache {

  /** How much of a cache is checked on open. */
  public enum Verify {
    /** Size, header, header and label CRCs: no pass over the pixels. */
    HEADER,
    /** Also the SHA-256 of all pixels. */
    FULL,
    /** {@link #FULL} when the pixels take at most 256 MiB (a fraction of a second), else {@link #HEADER}. */
    AUTO
  }

  /** The state of a source's cache file. */
  public enum Status { FRESH, MISSING, STALE, CORRUPT }

  /** Result of {@link #check}: the status and, unless fresh, why. */
  public record Check(Status status, String reason) {}

  private static final System.Logger LOG = System.getLogger(DataCache.class.getName());
  private static final long AUTO_FULL_LIMIT = 256L << 20;
  private static final int HASH_BLOCK = 4 << 20;

  private final Path dir;
  private final Verify verify;
  private final int threads;

  public DataCache(Path dir, Verify verify, int threads) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.verify = Objects.requireNonNull(verify, "verify");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
    this.threads = threads;
  }

  /** {@code ~/.cache/gansuite/data}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "gansuite", "data");
  }

  /** The cache file of {@code source} in this cache's folder. */
  public Path fileFor(ImageSource source) {
    String key = sha256(source.description().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    return dir.resolve(source.name() + "-" + key + ".gsdata");
  }

  /** Whether the cache of {@code source} can be used as is. */
  public Check check(ImageSource source) {
    Path file = fileFor(source);
    if (!Files.isRegularFile(file)) {
      return new Check(Status.MISSING, file + " does not exist");
    }
    try {
      MappedDataset data = MappedDataset.open(file, source.name(), verifyPixels(source));
      CacheHeader h = data.header();
      if (!h.fingerprint().equals(source.fingerprint())) {
        return new Check(Status.STALE, file + ": source files changed since the cache was built");
      }
      if (h.count() != source.size() || !h.shape().equals(source.shape()) || h.classes() != source.classes()) {
        return new Check(Status.STALE, file + ": holds " + h.count() + " images of " + h.shape()
            + ", the source " + source.size() + " of " + source.shape());
      }
      return new Check(Status.FRESH, "");
    } catch (DataFormatException e) {
      return new Check(Status.CORRUPT, e.getMessage());
    }
  }

  /** Opens the cached data set of {@code source}, (re)building the cache first when needed. */
  public ImageDataset open(ImageSource source) {
    Check check = check(source);
    Path file = fileFor(source);
    if (check.status() != Status.FRESH) {
      LOG.log(System.Logger.Level.INFO, "preparing cache {0} ({1}: {2})", file, check.status(), check.reason());
      build(source, file);
    }
    // Just built or just verified: the header checks suffice now.
    return withLabels(MappedDataset.open(file, source.name(), false), source.classes());
  }

  /**
   * Opens a cache file directly, without its source; a bad file is an error, not a rebuild.
   *
   * @throws DataFormatException naming the file and what is wrong with it
   */
  public static ImageDataset openFile(Path file, String name, boolean verifyPixels) {
    MappedDataset data = MappedDataset.open(file, name, verifyPixels);
    return withLabels(data, data.header().classes());
  }

  /** Decodes {@code source} into memory, with no cache file. */
  public static ImageDataset prepareInMemory(ImageSource source, int threads) {
    int n = source.shape().pixels();
    byte[] pixels = new byte[Math.multiplyExact(source.size(), n)];
    int[] labels = new int[source.size()];
    AtomicIntegerArray seen = new AtomicIntegerArray(source.size());
    source.decode((index, px, offset, label) -> {
      markSeen(source, seen, index);
      System.arraycopy(px, offset, pixels, index * n, n);
      labels[index] = label;
    }, threads);
    checkAllSeen(source, seen);
    ImageDataset data = new InMemoryDataset(source.name(), source.shape(), pixels);
    return source.classes() > 0 ? new LabeledImages(data, labels, source.classes()) : data;
  }

  private boolean verifyPixels(ImageSource source) {
    return verify == Verify.FULL
        || verify == Verify.AUTO && (long) source.size() * source.shape().pixels() <= AUTO_FULL_LIMIT;
  }

  private static ImageDataset withLabels(MappedDataset data, int classes) {
    int[] labels = data.labelsOrNull();
    return labels == null ? data : new LabeledImages(data, labels, classes);
  }

  private void build(ImageSource source, Path file) {
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = AtomicFiles.createTemporaryFile(dir, file.getFileName().toString(), ".tmp");
      write(source, tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new DataFormatException(file, "cannot write cache: " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "cannot delete " + tmp, e);
        }
      }
    }
  }

  private void write(ImageSource source, Path tmp) throws IOException {
    int n = source.shape().pixels();
    // The placeholder header has the final length: the description is fixed, the hashes are not yet.
    String zeros = "0".repeat(64);
    CacheHeader draft = new CacheHeader(source.size(), source.shape(), source.classes(), 0, zeros,
        source.fingerprint(), source.description());
    long dataOffset = draft.dataOffset();
    int[] labels = new int[source.size()];
    AtomicIntegerArray seen = new AtomicIntegerArray(source.size());
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      source.decode((index, px, offset, label) -> {
        markSeen(source, seen, index);
        labels[index] = label;
        writeFully(ch, ByteBuffer.wrap(px, offset, n), dataOffset + (long) index * n, tmp);
      }, threads);
      checkAllSeen(source, seen);
      int labelsCrc = 0;
      if (source.classes() > 0) {
        ByteBuffer lb = ByteBuffer.allocate(4 * labels.length);
        lb.asIntBuffer().put(labels);
        CRC32 crc = new CRC32();
        crc.update(lb.array());
        labelsCrc = (int) crc.getValue();
        writeFully(ch, lb, dataOffset + draft.pixelBytes(), tmp);
      }
      String hash = hashRange(ch, dataOffset, draft.pixelBytes());
      CacheHeader header = new CacheHeader(source.size(), source.shape(), source.classes(), labelsCrc, hash,
          source.fingerprint(), source.description());
      writeFully(ch, header.encode(), 0, tmp);
      ch.force(true);
    }
  }

  private static void markSeen(ImageSource source, AtomicIntegerArray seen, int index) {
    if (index < 0 || index >= seen.length() || seen.getAndSet(index, 1) != 0) {
      throw new IllegalStateException(source.name() + ": decoder delivered image " + index + " twice or out of range");
    }
  }

  private static void checkAllSeen(ImageSource source, AtomicIntegerArray seen) {
    for (int i = 0; i < seen.length(); i++) {
      if (seen.get(i) == 0) {
        throw new IllegalStateException(source.name() + ": decoder never delivered image " + i);
      }
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, long position, Path file) {
    try {
      long pos = position;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
    } catch (IOException e) {
      throw new DataFormatException(file, "cannot write cache: " + e, e);
    }
  }

  private static String hashRange(FileChannel ch, long start, long length) throws IOException {
    MessageDigest digest = Sha256.digest();
    ByteBuffer block = ByteBuffer.allocateDirect(HASH_BLOCK);
    long pos = start;
    long end = start + length;
    while (pos < end) {
      block.clear().limit((int) Math.min(HASH_BLOCK, end - pos));
      int r = ch.read(block, pos);
      if (r < 0) {
        throw new IOException("cache file shorter than written");
      }
      pos += r;
      digest.update(block.flip());
    }
    return Sha256.hex(digest);
  }

  static String sha256(byte[] bytes) {
    return Sha256.of(bytes);
  }
}
