package org.gansuite.metrics.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gansuite.core.UserError;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.metrics.FeatureStats;

/**
 * NumPy's {@code .npz} (a zip of {@code .npy} entries), and FID statistics in the layout of TTUR's
 * and pytorch-fid's precomputed files: float64 {@code mu} (d) and {@code sigma} (d x d). Files this
 * suite writes add {@code n} (the sample count, a 1-element float64 array), which other tools
 * ignore.
 */
public final class Npz {

  private Npz() {}

  /** Every {@code .npy} entry of {@code file}, keyed by name without the extension. */
  public static Map<String, Npy.Array> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "statistics file not found");
    }
    Map<String, Npy.Array> arrays = new LinkedHashMap<>();
    // ZipFile reads the central directory, so the zip64 entries numpy writes are understood.
    try (ZipFile zip = new ZipFile(file.toFile())) {
      var entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().endsWith(".npy")) {
          continue;
        }
        String source = file + "[" + e.getName() + "]";
        // The zip's declared size is checked before inflating, and no more than it is inflated:
        // a member that inflates past it (a lying header) is refused too.
        long declared = e.getSize();
        Npy.checkSize(declared, source);
        long expected = declared >= 0 ? declared : Npy.MAX_BYTES;
        byte[] bytes;
        try (var in = zip.getInputStream(e)) {
          bytes = in.readNBytes((int) expected + 1);
        }
        if (bytes.length > expected) {
          throw new UserError(source + ": inflates to more than the " + expected + " bytes its zip entry declares");
        }
        String key = e.getName().substring(0, e.getName().length() - 4);
        arrays.put(key, Npy.parse(bytes, source));
      }
    } catch (ZipException e) {
      throw new UserError(file + ": not a valid .npz (zip) file: " + e.getMessage(), e);
    }
    return arrays;
  }

  /** Reads FID statistics ({@code mu}, {@code sigma}, optional {@code n}). */
  public static FeatureStats readStats(Path file) throws IOException {
    Map<String, Npy.Array> a = read(file);
    Npy.Array mu = a.get("mu");
    Npy.Array sigma = a.get("sigma");
    if (mu == null || sigma == null) {
      throw new UserError(
          file + ": FID statistics need arrays 'mu' and 'sigma', found " + a.keySet());
    }
    if (mu.ndim() != 1) {
      throw new UserError(file + ": 'mu' must be 1-D, got shape " + Arrays.toString(mu.shape()));
    }
    long d = mu.shape()[0];
    if (sigma.ndim() != 2 || sigma.shape()[0] != d || sigma.shape()[1] != d) {
      throw new UserError(file + ": 'sigma' must be " + d + " x " + d
          + " to match 'mu', got shape " + Arrays.toString(sigma.shape()));
    }
    int n = 0;
    Npy.Array count = a.get("n");
    if (count != null) {
      if (count.values().length != 1 || count.values()[0] != Math.rint(count.values()[0])) {
        throw new UserError(file + ": 'n' must hold one whole number");
      }
      n = (int) count.values()[0];
    }
    try {
      return new FeatureStats(n, mu.values(), sigma.values());
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes statistics to {@code file} atomically (temporary file, then an atomic move). */
  public static void writeStats(Path file, FeatureStats stats) throws IOException {
    AtomicFiles.write(file, out -> writeStats(out, stats));
  }

  /** Writes {@code mu}, {@code sigma} and, when known, {@code n} to {@code out}. */
  public static void writeStats(OutputStream out, FeatureStats stats) throws IOException {
    Map<String, double[]> arrays = new LinkedHashMap<>();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    arrays.put("mu", stats.mu());
    shapes.put("mu", new long[] {stats.dim()});
    arrays.put("sigma", stats.sigma());
    shapes.put("sigma", new long[] {stats.dim(), stats.dim()});
    if (stats.n() > 0) {
      arrays.put("n", new double[] {stats.n()});
      shapes.put("n", new long[] {1});
    }
    write(out, arrays, shapes);
  }

  /** Writes float64 arrays as an uncompressed-compatible {@code .npz}. */
  public static void write(OutputStream out, Map<String, double[]> arrays, Map<String, long[]> shapes)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    for (var e : arrays.entrySet()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Npy.write(bytes, e.getValue(), shapes.get(e.getKey()));
      zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
      bytes.writeTo(zip);
      zip.closeEntry();
    }
    zip.finish();
  }
}
