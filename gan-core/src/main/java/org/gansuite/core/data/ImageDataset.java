package org.gansuite.core.data;

/**
 * A finite, indexable set of 8-bit images in HWC order. Implementations must be safe for
 * concurrent {@link #read} calls: the trainer prefetches batches on a background thread.
 */
public interface ImageDataset {

  DatasetId id();

  default ImageShape shape() {
    return id().shape();
  }

  default int size() {
    return id().size();
  }

  /** Copies image {@code index} (HWC, 0..255) into {@code dst} starting at {@code offset}. */
  void read(int index, byte[] dst, int offset);
}
