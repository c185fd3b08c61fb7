package org.gansuite.core.data;

/**
 * Images in a published format that must be decoded before use (CIFAR-10 binaries, a folder of
 * JPEGs). A source is prepared once, into memory or into a {@link DataCache} file, and the data
 * set is then read from there. Opening a source checks what is cheap to check (files present, file
 * sizes, the first image); {@link #decode} checks the rest and fails on the first bad file.
 */
public interface ImageSource {

  /** Data set name, e.g. {@code cifar10-train}; becomes {@link DatasetId#name()}. */
  String name();

  ImageShape shape();

  int size();

  /** Number of classes when the source has labels, 0 when it has none. */
  int classes();

  /**
   * A short digest of what the decoded pixels depend on: the files' names, sizes and modification
   * times and the decoding options. A cache whose stored fingerprint differs is stale.
   */
  String fingerprint();

  /** Human-readable description stored in the cache header: kind, path and options. */
  String description();

  /**
   * Decodes every image, in any order, into {@code sink}; {@code threads} bounds parallelism.
   *
   * @throws DataFormatException naming the first file that cannot be decoded
   */
  void decode(ImageSink sink, int threads);

  /** Receives decoded images; called concurrently for distinct indices. */
  @FunctionalInterface
  interface ImageSink {
    /** Image {@code index}: {@code shape().pixels()} bytes HWC at {@code offset}; label or -1. */
    void accept(int index, byte[] pixels, int offset, int label);
  }
}
