package org.gansuite.models.decoding;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.io.Sha256;

/**
 * The cached auto-encoder features of every training image (doi 10.16383/j.aas.c190496: computed
 * once after pre-training). The file records the key it was computed under: the data set's content
 * hash and size and the auto-encoder checkpoint id; it is reused only under an equal key. Layout:
 * magic {@code GSFEAT01}, the key (UTF strings, count, dim), the little-endian float32 values, and
 * a SHA-256 of everything before it. Written to a temporary file and atomically moved into place.
 */
public final class FeatureCache {

  private static final byte[] MAGIC = "GSFEAT01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int DIGEST = 32;
  private static final System.Logger LOG = System.getLogger(FeatureCache.class.getName());

  /** What the features were computed from. */
  public record Key(String datasetSha256, int datasetSize, String autoEncoderId, int dim) {
    public Key {
      Objects.requireNonNull(datasetSha256, "datasetSha256");
      Objects.requireNonNull(autoEncoderId, "autoEncoderId");
    }
  }

  private FeatureCache() {}

  /** Writes atomically: a reader sees the old file or the whole new one, never a partial one. */
  public static void write(Path file, Key key, Features f) throws IOException {
    if (f.count() != key.datasetSize() || f.dim() != key.dim()) {
      throw new IllegalArgumentException("features " + f.count() + " x " + f.dim() + " do not match " + key);
    }
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeUTF(key.datasetSha256());
      out.writeInt(key.datasetSize());
      out.writeUTF(key.autoEncoderId());
      out.writeInt(key.dim());
      out.write(f.bytes());
    }
    byte[] body = bytes.toByteArray();
    AtomicFiles.write(file, out -> {
      out.write(body);
      out.write(Sha256.digest().digest(body));
    });
  }

  /** A stored cache file and the key it was written under. */
  public record Entry(Key key, Features features) {}

  /** Reads and verifies a cache file; a malformed or corrupted one is an error naming the file. */
  public static Entry read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < MAGIC.length + DIGEST || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("feature cache " + file + " is not a gansuite feature cache (bad magic or too short)");
    }
    int bodyLength = all.length - DIGEST;
    var md = Sha256.digest();
    md.update(all, 0, bodyLength);
    if (!Arrays.equals(md.digest(), 0, DIGEST, all, bodyLength, all.length)) {
      throw new IOException("feature cache " + file + " is corrupted: its SHA-256 does not match its content");
    }
    try (var in = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length, bodyLength - MAGIC.length))) {
      var key = new Key(in.readUTF(), in.readInt(), in.readUTF(), in.readInt());
      long expected = (long) key.datasetSize() * key.dim() * Float.BYTES;
      if (in.available() != expected) {
        throw new IOException("feature cache " + file + " holds " + in.available() + " value bytes, expected "
            + expected + " for " + key.datasetSize() + " x " + key.dim());
      }
      byte[] raw = in.readNBytes((int) expected);
      float[] values = new float[key.datasetSize() * key.dim()];
      ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return new Entry(key, new Features(key.datasetSize(), key.dim(), values));
    }
  }

  /**
   * The cached features if the file exists and was computed under {@code key}; empty if it is
   * missing, stale (another data set or auto-encoder) or unreadable (logged), so it gets rebuilt.
   */
  public static Optional<Features> load(Path file, Key key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Entry e = read(file);
      if (!e.key().equals(key)) {
        LOG.log(System.Logger.Level.INFO, "feature cache {0} is stale ({1}, now {2}); rebuilding", file, e.key(), key);
        return Optional.empty();
      }
      return Optional.of(e.features());
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "ignoring unreadable feature cache: {0}", e.getMessage());
      return Optional.empty();
    }
  }
}
