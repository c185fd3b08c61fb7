package org.gansuite.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import org.gansuite.core.io.Sha256;

/**
 * A data set read from a memory-mapped cache file ({@link CacheHeader} layout). One mapping holds
 * at most 2 GiB, so the pixels are mapped in chunks of whole images; reads use absolute gets and
 * are therefore safe from any number of threads. Open it through {@link DataCache}.
 */
final class MappedDataset implements ImageDataset {

  private static final long CHUNK_BYTES = 1L << 30;

  private final DatasetId id;
  private final CacheHeader header;
  private final MappedByteBuffer[] chunks;
  private final int imagesPerChunk;
  private final int[] labels;

  private MappedDataset(CacheHeader header, MappedByteBuffer[] chunks, int imagesPerChunk, int[] labels, String name) {
    this.header = header;
    this.chunks = chunks;
    this.imagesPerChunk = imagesPerChunk;
    this.labels = labels;
    this.id = new DatasetId(name, header.count(), header.shape(), header.contentHash());
  }

  /**
   * Maps {@code file}, checking magic, version, header CRC, file size and label CRC, and the pixel
   * hash when {@code verifyPixels}.
   *
   * @throws DataFormatException naming the file when any check fails
   */
  static MappedDataset open(Path file, String name, boolean verifyPixels) {
    String where = file.toString();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < CacheHeader.FIXED) {
        throw new DataFormatException(file, "truncated cache: " + size + " bytes, shorter than a header");
      }
      ByteBuffer fixed = read(ch, 0, CacheHeader.FIXED, where);
      ByteBuffer whole = read(ch, 0, CacheHeader.length(where, fixed), where);
      CacheHeader header = CacheHeader.decode(where, whole);
      if (size != header.fileSize()) {
        throw new DataFormatException(file, "cache holds " + size + " bytes, its header announces "
            + header.fileSize() + " (truncated or overwritten)");
      }
      int imageBytes = header.shape().pixels();
      int perChunk = (int) Math.max(1, CHUNK_BYTES / imageBytes);
      int chunkCount = (header.count() + perChunk - 1) / perChunk;
      MappedByteBuffer[] chunks = new MappedByteBuffer[chunkCount];
      for (int k = 0; k < chunkCount; k++) {
        int images = Math.min(perChunk, header.count() - k * perChunk);
        chunks[k] = ch.map(FileChannel.MapMode.READ_ONLY, header.dataOffset() + (long) k * perChunk * imageBytes,
            (long) images * imageBytes);
      }
      int[] labels = header.classes() > 0 ? readLabels(ch, header, where) : null;
      MappedDataset data = new MappedDataset(header, chunks, perChunk, labels, name);
      if (verifyPixels && !data.pixelHash().equals(header.contentHash())) {
        throw new DataFormatException(file, "corrupt cache: the pixels' SHA-256 differs from the header's");
      }
      return data;
    } catch (IOException e) {
      throw new DataFormatException(file, "cannot read cache: " + e, e);
    }
  }

  private static int[] readLabels(FileChannel ch, CacheHeader header, String where) throws IOException {
    ByteBuffer b = read(ch, header.dataOffset() + header.pixelBytes(), 4 * header.count(), where);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.limit());
    if ((int) crc.getValue() != header.labelsCrc()) {
      throw new DataFormatException(where, "corrupt cache: label CRC-32 mismatch");
    }
    int[] labels = new int[header.count()];
    b.asIntBuffer().get(labels);
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= header.classes()) {
        throw new DataFormatException(where, "corrupt cache: label " + labels[i] + " of image " + i);
      }
    }
    return labels;
  }

  static ByteBuffer read(FileChannel ch, long position, int length, String where) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length);
    while (b.hasRemaining()) {
      if (ch.read(b, position + b.position()) < 0) {
        throw new DataFormatException(where, "truncated cache: ends inside byte range at " + position);
      }
    }
    return b.flip();
  }

  /** SHA-256 of the mapped pixels, in index order. */
  String pixelHash() {
    MessageDigest digest = Sha256.digest();
    for (MappedByteBuffer chunk : chunks) {
      digest.update(chunk.duplicate());
    }
    return Sha256.hex(digest);
  }

  CacheHeader header() {
    return header;
  }

  /** Labels in index order, or null when the cache holds none. */
  int[] labelsOrNull() {
    return labels == null ? null : labels.clone();
  }

  @Override
  public DatasetId id() {
    return id;
  }

  @Override
  public void read(int index, byte[] dst, int offset) {
    if (index < 0 || index >= header.count()) {
      throw new IndexOutOfBoundsException("image " + index + " of " + header.count());
    }
    int n = header.shape().pixels();
    chunks[index / imagesPerChunk].get((index % imagesPerChunk) * n, dst, offset, n);
  }
}
