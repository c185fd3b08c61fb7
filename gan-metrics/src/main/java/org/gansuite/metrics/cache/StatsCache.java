package org.gansuite.metrics.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gansuite.core.UserError;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.io.Sha256;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Summary;
import org.gansuite.metrics.io.Npy;

/**
 * A folder of reference statistics, one {@code .npz} per {@link StatsKey}: arrays {@code mu},
 * {@code sigma}, {@code n} (readable by TTUR/pytorch-fid) and {@code clarity} (one row of n, mean,
 * std, min, max per {@link ClarityDefinition}, in {@link ClarityDefinition#ALL}'s order), plus {@code key.txt} (the canonical key) and {@code sha256.txt} (a hash over the arrays).
 * Files are written atomically; on load the key and the hash are checked, and a mismatch is an
 * error naming the file rather than a silently wrong number.
 */
public final class StatsCache {

  private final Path dir;

  public StatsCache(Path dir) {
    this.dir = dir;
  }

  public Path fileFor(StatsKey key) {
    return dir.resolve(key.fileName());
  }

  public Optional<ReferenceStats> load(StatsKey key) throws IOException {
    Path file = fileFor(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      var it = zip.entries();
      while (it.hasMoreElements()) {
        ZipEntry e = it.nextElement();
        try (var in = zip.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    } catch (java.util.zip.ZipException e) {
      throw new IllegalStateException(file + ": corrupt statistics cache file (" + e.getMessage() + "); delete it", e);
    }
    String storedKey = text(entries, "key.txt", file);
    if (!storedKey.equals(key.canonical())) {
      throw new IllegalStateException(file + ": cache file holds key '" + storedKey + "', expected '" + key.canonical() + "'");
    }
    String storedHash = text(entries, "sha256.txt", file);
    String actual = hash(entries);
    if (!storedHash.equals(actual)) {
      throw new IllegalStateException(file + ": cache file content does not match its SHA-256 (" + actual
          + " vs stored " + storedHash + "); delete it");
    }
    double[] mu = array(entries, "mu", file).values();
    double[] sigma = array(entries, "sigma", file).values();
    double[] c = array(entries, "clarity", file).values();
    if (c.length != 5 * ClarityDefinition.ALL.size()) {
      throw new UserError(file + ": cache file holds " + c.length + " clarity values, expected "
          + 5 * ClarityDefinition.ALL.size() + "; delete it");
    }
    Map<ClarityDefinition, Summary> clarity = new LinkedHashMap<>();
    for (int i = 0; i < ClarityDefinition.ALL.size(); i++) {
      int o = 5 * i;
      clarity.put(ClarityDefinition.ALL.get(i), new Summary((int) c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4]));
    }
    FeatureStats stats = new FeatureStats(key.n(), mu, sigma);
    return Optional.of(new ReferenceStats(key, stats, clarity));
  }

  public void store(ReferenceStats ref) throws IOException {
    Map<String, byte[]> arrays = new LinkedHashMap<>();
    FeatureStats s = ref.stats();
    arrays.put("mu.npy", npy(s.mu(), s.dim()));
    arrays.put("sigma.npy", npy(s.sigma(), s.dim(), s.dim()));
    arrays.put("n.npy", npy(new double[] {s.n()}, 1));
    double[] c = new double[5 * ClarityDefinition.ALL.size()];
    int o = 0;
    for (Summary v : ref.clarity().values()) {
      System.arraycopy(new double[] {v.n(), v.mean(), v.std(), v.min(), v.max()}, 0, c, o, 5);
      o += 5;
    }
    arrays.put("clarity.npy", npy(c, ClarityDefinition.ALL.size(), 5));
    String hash = hash(arrays);
    AtomicFiles.write(fileFor(ref.key()), out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (var e : arrays.entrySet()) {
        put(zip, e.getKey(), e.getValue());
      }
      put(zip, "key.txt", ref.key().canonical().getBytes(StandardCharsets.UTF_8));
      put(zip, "sha256.txt", hash.getBytes(StandardCharsets.UTF_8));
      zip.finish();
    });
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] npy(double[] v, long... shape) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, v, shape);
    return out.toByteArray();
  }

  /** SHA-256 over the .npy entries in name order. */
  private static String hash(Map<String, byte[]> entries) {
    MessageDigest md = Sha256.digest();
    entries.keySet().stream().filter(n -> n.endsWith(".npy")).sorted().forEach(n -> {
      md.update(n.getBytes(StandardCharsets.UTF_8));
      md.update(entries.get(n));
    });
    return Sha256.hex(md);
  }

  private static String text(Map<String, byte[]> entries, String name, Path file) {
    byte[] b = entries.get(name);
    if (b == null) {
      throw new UserError(file + ": cache file lacks " + name + "; delete it");
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static Npy.Array array(Map<String, byte[]> entries, String name, Path file) {
    byte[] b = entries.get(name + ".npy");
    if (b == null) {
      throw new UserError(file + ": cache file lacks " + name + ".npy; delete it");
    }
    return Npy.parse(b, file + "[" + name + ".npy]");
  }
}
