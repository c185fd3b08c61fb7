package org.gansuite.core.data;

import org.gansuite.core.io.Sha256;

/** Images held in one byte array, HWC per image, image after image. */
public final class InMemoryDataset implements ImageDataset {

  private final DatasetId id;
  private final byte[] pixels;

  public InMemoryDataset(String name, ImageShape shape, byte[] pixels) {
    if (pixels.length == 0 || pixels.length % shape.pixels() != 0) {
      throw new IllegalArgumentException(
          "data set " + name + ": " + pixels.length + " bytes is not a positive multiple of one "
              + shape + " image (" + shape.pixels() + " bytes)");
    }
    this.pixels = pixels;
    this.id = new DatasetId(name, pixels.length / shape.pixels(), shape, sha256(pixels));
  }

  @Override
  public DatasetId id() {
    return id;
  }

  @Override
  public void read(int index, byte[] dst, int offset) {
    int n = id.shape().pixels();
    System.arraycopy(pixels, index * n, dst, offset, n);
  }

  static String sha256(byte[] bytes) {
    return Sha256.of(bytes);
  }
}
