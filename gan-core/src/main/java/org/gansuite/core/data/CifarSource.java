package org.gansuite.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10, binary version (Krizhevsky 2009): records of 1 label byte and 3072 pixel bytes (the
 * 1024 red values of the 32x32 image row-major, then green, then blue); 10,000 records, 30,730,000
 * bytes, per published file. A file of any other positive multiple of 3073 bytes is accepted (a
 * subset, or the small files tests write) and logged; any other size is rejected naming the file,
 * since it cannot be the binary version (CIFAR-100's records, for one, are 3074 bytes).
 */
public final class CifarSource implements ImageSource {

  /** Bytes of one record: label, then the red, green and blue planes. */
  public static final int RECORD = 1 + 3 * 1024;
  /** Bytes of a published batch file: 10,000 records. */
  public static final long PUBLISHED_FILE = 10_000L * RECORD;

  private static final System.Logger LOG = System.getLogger(CifarSource.class.getName());
  private static final ImageShape SHAPE = new ImageShape(32, 32, 3);

  private final Path dir;
  private final CifarSplit split;
  private final List<Path> files;
  private final int[] firstRecord;
  private final int size;
  private final String fingerprint;

  /**
   * @param dir the folder holding the {@code .bin} files (the archive's {@code cifar-10-batches-bin})
   */
  public CifarSource(Path dir, CifarSplit split) {
    this.dir = dir;
    this.split = split;
    if (!Files.isDirectory(dir)) {
      throw new DataFormatException(dir, "CIFAR-10 folder not found");
    }
    files = new ArrayList<>();
    firstRecord = new int[split.files().size() + 1];
    Fingerprint fp = new Fingerprint().add("cifar10-binary").add(split.name());
    long records = 0;
    for (int i = 0; i < split.files().size(); i++) {
      Path file = dir.resolve(split.files().get(i));
      BasicFileAttributes attrs = Fingerprint.attributes(file, "CIFAR-10 batch file missing");
      long bytes = attrs.size();
      if (bytes == 0 || bytes % RECORD != 0) {
        throw new DataFormatException(file, bytes + " bytes is not a whole number of " + RECORD
            + "-byte CIFAR-10 records (a published batch file is " + PUBLISHED_FILE + " bytes)");
      }
      if (bytes != PUBLISHED_FILE) {
        LOG.log(System.Logger.Level.DEBUG, "{0}: {1} records, not the published 10,000", file, bytes / RECORD);
      }
      files.add(file);
      firstRecord[i] = (int) records;
      records += bytes / RECORD;
      fp.addFile(file.getFileName().toString(), attrs);
    }
    firstRecord[files.size()] = (int) records;
    this.size = Math.toIntExact(records);
    this.fingerprint = fp.digest();
  }

  @Override
  public String name() {
    return "cifar10-" + split.name().toLowerCase();
  }

  @Override
  public ImageShape shape() {
    return SHAPE;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int classes() {
    return 10;
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public String description() {
    return "CIFAR-10 binary " + split.name().toLowerCase() + " split in " + dir.toAbsolutePath();
  }

  /** Sequential: reading and reordering a record costs far less than the disk read. */
  @Override
  public void decode(ImageSink sink, int threads) {
    byte[] record = new byte[RECORD];
    byte[] hwc = new byte[SHAPE.pixels()];
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      int count = firstRecord[f + 1] - firstRecord[f];
      try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
        for (int r = 0; r < count; r++) {
          if (in.readNBytes(record, 0, RECORD) != RECORD) {
            throw new DataFormatException(file, "truncated while reading record " + r + " (file changed while read?)");
          }
          int label = record[0] & 0xFF;
          if (label > 9) {
            throw new DataFormatException(file, "record " + r + " has label " + label
                + ", expected 0..9: not the CIFAR-10 binary format");
          }
          planarToInterleaved(record, 1, hwc);
          sink.accept(firstRecord[f] + r, hwc, 0, label);
        }
      } catch (IOException e) {
        throw new DataFormatException(file, "cannot read: " + e, e);
      }
    }
  }

  /** Converts the record's R, G, B planes (CHW) to interleaved HWC. */
  static void planarToInterleaved(byte[] src, int offset, byte[] hwc) {
    for (int p = 0; p < 1024; p++) {
      hwc[3 * p] = src[offset + p];
      hwc[3 * p + 1] = src[offset + 1024 + p];
      hwc[3 * p + 2] = src[offset + 2048 + p];
    }
  }
}
