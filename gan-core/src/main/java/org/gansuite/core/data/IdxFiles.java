package org.gansuite.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader of the IDX format of MNIST and Fashion-MNIST (LeCun et al.): a big-endian header (magic
 * 2051 for unsigned-byte images with dimensions count, rows, columns; 2049 for unsigned-byte
 * labels with a count), then the bytes. Files may be raw or gzipped; gzip is recognised by its
 * magic bytes, not by the file name. A file must hold exactly what its header announces: missing
 * or extra bytes are errors, never a partial data set.
 */
public final class IdxFiles {

  static final int IMAGES_MAGIC = 2051;
  static final int LABELS_MAGIC = 2049;

  private IdxFiles() {}

  /**
   * Images of an IDX file ({@code file} names it in errors): {@code count} images of
   * {@code rows x cols}, row-major, one byte each.
   */
  public record Images(String file, int count, int rows, int cols, byte[] pixels) {}

  /** Opens a file, raw or gzipped; the stream is positioned at the first IDX byte. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public static Images readImages(Path file) {
    return readImages(file.toString(), () -> Files.newInputStream(file));
  }

  public static int[] readLabels(Path file) {
    return readLabels(file.toString(), () -> Files.newInputStream(file));
  }

  /** Reads an image file; {@code name} names it in errors (a path or a resource). */
  public static Images readImages(String name, Opener opener) {
    try (DataInputStream in = open(name, opener)) {
      int magic = header(in, name, "magic number");
      expectMagic(name, magic, IMAGES_MAGIC, "unsigned-byte images with 3 dimensions");
      int count = header(in, name, "image count");
      int rows = header(in, name, "row count");
      int cols = header(in, name, "column count");
      if (count <= 0 || rows <= 0 || cols <= 0) {
        throw new DataFormatException(name, "header announces " + count + " images of " + rows + "x" + cols
            + "; all three must be positive");
      }
      long bytes = (long) count * rows * cols;
      if (bytes > Integer.MAX_VALUE - 8) {
        throw new DataFormatException(name, "header announces " + bytes + " pixel bytes, more than one array holds");
      }
      byte[] pixels = body(in, name, (int) bytes, count + " images of " + rows + "x" + cols);
      return new Images(name, count, rows, cols, pixels);
    } catch (IOException e) {
      throw ioError(name, e);
    }
  }

  /** Reads a label file; {@code name} names it in errors. */
  public static int[] readLabels(String name, Opener opener) {
    try (DataInputStream in = open(name, opener)) {
      int magic = header(in, name, "magic number");
      expectMagic(name, magic, LABELS_MAGIC, "unsigned-byte labels with 1 dimension");
      int count = header(in, name, "label count");
      if (count <= 0) {
        throw new DataFormatException(name, "header announces " + count + " labels; must be positive");
      }
      byte[] raw = body(in, name, count, count + " labels");
      int[] labels = new int[count];
      for (int i = 0; i < count; i++) {
        labels[i] = raw[i] & 0xFF;
      }
      return labels;
    } catch (IOException e) {
      throw ioError(name, e);
    }
  }

  /**
   * Pixels of {@code images} as a data set: each image padded to the options' square (centred) or
   * kept as stored. Labels, when given, must be as many as the images.
   */
  public static ImageDataset toDataset(String datasetName, Images images, int[] labels, String labelsName,
      IdxOptions options) {
    int pad = options.padTo();
    int h = images.rows();
    int w = images.cols();
    byte[] pixels = images.pixels();
    if (pad > 0 && (h != pad || w != pad)) {
      if (h > pad || w > pad) {
        throw new DataFormatException(images.file(), "images of " + h + "x" + w + " do not fit the padding to "
            + pad + "x" + pad + " (set IdxOptions.padTo to 0 to keep them as stored)");
      }
      pixels = pad(images, pad, (byte) options.background());
      h = pad;
      w = pad;
    }
    ImageDataset data = new InMemoryDataset(datasetName, new ImageShape(h, w, 1), pixels);
    if (labels == null) {
      return data;
    }
    if (labels.length != images.count()) {
      throw new DataFormatException(labelsName, labels.length + " labels for " + images.count() + " images");
    }
    int classes = Math.max(10, Arrays.stream(labels).max().orElse(0) + 1);
    return new LabeledImages(data, labels, classes);
  }

  private static byte[] pad(Images images, int size, byte background) {
    int h = images.rows();
    int w = images.cols();
    int top = (size - h) / 2;
    int left = (size - w) / 2;
    byte[] out = new byte[images.count() * size * size];
    Arrays.fill(out, background);
    for (int n = 0; n < images.count(); n++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(images.pixels(), (n * h + y) * w, out, (n * size + top + y) * size + left, w);
      }
    }
    return out;
  }

  private static DataInputStream open(String name, Opener opener) throws IOException {
    InputStream raw;
    try {
      raw = opener.open();
    } catch (NoSuchFileException e) {
      throw new DataFormatException(name, "file not found", e);
    }
    if (raw == null) {
      throw new DataFormatException(name, "file not found");
    }
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    }
    return new DataInputStream(in);
  }

  private static int header(DataInputStream in, String name, String field) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new DataFormatException(name, "truncated header: file ends before the " + field, e);
    }
  }

  private static void expectMagic(String name, int magic, int expected, String what) {
    if (magic == expected) {
      return;
    }
    String hint = magic == LABELS_MAGIC ? " (this is a label file)"
        : magic == IMAGES_MAGIC ? " (this is an image file)" : "";
    throw new DataFormatException(name, "magic number " + magic + hint + ", expected " + expected + " (" + what + ")");
  }

  private static byte[] body(DataInputStream in, String name, int bytes, String what) throws IOException {
    byte[] out = in.readNBytes(bytes);
    if (out.length < bytes) {
      throw new DataFormatException(name, "truncated: header announces " + what + " (" + bytes
          + " bytes) but the data ends after " + out.length + " bytes");
    }
    if (in.read() != -1) {
      throw new DataFormatException(name, "trailing bytes after the " + what + " the header announces");
    }
    return out;
  }

  private static RuntimeException ioError(String name, IOException e) {
    if (e instanceof ZipException || e instanceof EOFException) {
      return new DataFormatException(name, "corrupt or truncated gzip stream: " + e.getMessage(), e);
    }
    return new DataFormatException(name, "cannot read: " + e, e);
  }
}
