package org.gansuite.metrics.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gansuite.core.UserError;
import org.gansuite.metrics.FeatureMatrix;

/**
 * NumPy's {@code .npy} format (format versions 1 to 3): little-endian float32 ({@code <f4}) or
 * float64 ({@code <f8}) arrays in C order. Anything else (Fortran order, big-endian, integer or
 * object dtypes) is refused with a message naming the source, rather than misread.
 */
public final class Npy {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /**
   * Largest array file (or {@code .npz} member) read: 1 GiB, e.g. an 11,585 x 11,585 float64
   * covariance (Inception's is 2048 x 2048, 32 MiB). Checked before reading, so a small
   * compressed file cannot inflate past the heap.
   */
  public static final long MAX_BYTES = 1L << 30;

  private Npy() {}

  /** Refuses an array of {@code bytes} above {@link #MAX_BYTES}; {@code source} names it. */
  static void checkSize(long bytes, String source) {
    if (bytes > MAX_BYTES) {
      throw new UserError(String.format(Locale.ROOT, "%s: %,d bytes, above the limit of %,d (1 GiB) for one array",
          source, bytes, MAX_BYTES));
    }
  }

  /** A decoded array: its shape and values widened to float64, C order. */
  public record Array(long[] shape, double[] values, String dtype) {
    public int ndim() {
      return shape.length;
    }
  }

  public static Array read(Path file) throws IOException {
    checkSize(Files.size(file), file.toString());
    return parse(Files.readAllBytes(file), file.toString());
  }

  /** Reads an N x d feature matrix; {@code source} names the file in error messages. */
  public static FeatureMatrix readFeatures(Path file) throws IOException {
    Array a = read(file);
    if (a.ndim() != 2) {
      throw new UserError(
          file + ": features must be a 2-D array (N x d), got shape " + Arrays.toString(a.shape()));
    }
    if (a.shape()[0] == 0 || a.shape()[1] == 0) {
      throw new UserError(file + ": feature array is empty, shape " + Arrays.toString(a.shape()));
    }
    return new FeatureMatrix(Math.toIntExact(a.shape()[0]), Math.toIntExact(a.shape()[1]), a.values());
  }

  /** Decodes {@code bytes}; {@code source} names the file (or zip entry) in error messages. */
  public static Array parse(byte[] bytes, String source) {
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new UserError(source + ": not a .npy file (bad magic bytes)");
    }
    int major = bytes[6] & 0xFF;
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLen;
    int headerStart;
    if (major == 1) {
      headerLen = buf.getShort(8) & 0xFFFF;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new UserError(source + ": truncated .npy header");
      }
      headerLen = buf.getInt(8) & 0xFFFFFFFFL;
      headerStart = 12;
    } else {
      throw new UserError(source + ": unsupported .npy format version " + major);
    }
    if (headerStart + headerLen > bytes.length) {
      throw new UserError(source + ": truncated .npy header");
    }
    String header = new String(bytes, headerStart, (int) headerLen,
        major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, source, "descr");
    if (group(FORTRAN, header, source, "fortran_order").equals("True")) {
      throw new UserError(
          source + ": Fortran-order arrays are not supported; save with np.ascontiguousarray(a)");
    }
    int width = switch (descr) {
      case "<f8" -> 8;
      case "<f4" -> 4;
      default -> throw new UserError(
          source + ": dtype '" + descr + "' is not supported; expected little-endian float32 '<f4' or float64 '<f8'");
    };
    long[] shape = parseShape(group(SHAPE, header, source, "shape"), source);
    long count = 1;
    for (long s : shape) {
      count = Math.multiplyExact(count, s);
    }
    int dataStart = headerStart + (int) headerLen;
    if (bytes.length - dataStart != count * width) {
      throw new UserError(source + ": shape " + Arrays.toString(shape) + " of " + descr
          + " needs " + count * width + " data bytes, file has " + (bytes.length - dataStart));
    }
    double[] values = new double[Math.toIntExact(count)];
    for (int i = 0; i < values.length; i++) {
      values[i] = width == 8 ? buf.getDouble(dataStart + 8 * i)
          : buf.getFloat(dataStart + 4 * i);
    }
    return new Array(shape, values, descr);
  }

  private static String group(Pattern p, String header, String source, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new UserError(source + ": .npy header lacks a valid '" + key + "' entry: " + header.trim());
    }
    return m.group(1);
  }

  private static long[] parseShape(String text, String source) {
    String t = text.trim();
    if (t.isEmpty()) {
      return new long[0];
    }
    String[] parts = t.split(",");
    int n = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
    long[] shape = new long[n];
    try {
      for (int i = 0; i < n; i++) {
        shape[i] = Long.parseLong(parts[i].trim());
        if (shape[i] < 0) {
          throw new NumberFormatException("negative");
        }
      }
    } catch (NumberFormatException e) {
      throw new UserError(source + ": bad .npy shape (" + text + ")", e);
    }
    return shape;
  }

  /** Writes a C-order little-endian float64 array in format version 1.0. */
  public static void write(OutputStream out, double[] values, long... shape) throws IOException {
    long count = 1;
    for (long s : shape) {
      count *= s;
    }
    if (count != values.length) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count + " values, got " + values.length);
    }
    StringBuilder dims = new StringBuilder();
    for (long s : shape) {
      dims.append(s).append(", ");
    }
    String shapeText = shape.length == 1 ? shape[0] + "," : dims.substring(0, Math.max(0, dims.length() - 2));
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + shapeText + "), }";
    // numpy pads the header with spaces so the data starts on a 64-byte boundary, ending in '\n'.
    int total = 10 + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    String header = dict + " ".repeat(padded - total) + "\n";
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(MAGIC);
    head.write(1);
    head.write(0);
    head.write(header.length() & 0xFF);
    head.write((header.length() >> 8) & 0xFF);
    head.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(head.toByteArray());
    ByteBuffer data = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      if (!data.hasRemaining()) {
        out.write(data.array(), 0, data.position());
        data.clear();
      }
      data.putDouble(v);
    }
    out.write(data.array(), 0, data.position());
  }
}
