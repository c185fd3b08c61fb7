package org.gansuite.core.data;

import java.util.Objects;

/** Any image data set paired with its labels, one per image. */
public final class LabeledImages implements LabeledDataset {

  private final ImageDataset images;
  private final int[] labels;
  private final int classes;

  /**
   * @param labels one label per image, each in 0..classes-1; copied
   */
  public LabeledImages(ImageDataset images, int[] labels, int classes) {
    this.images = Objects.requireNonNull(images, "images");
    if (labels.length != images.size()) {
      throw new IllegalArgumentException(
          images.id().name() + ": " + labels.length + " labels for " + images.size() + " images");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            images.id().name() + ": label " + labels[i] + " of image " + i + " is outside 0.." + (classes - 1));
      }
    }
    this.labels = labels.clone();
    this.classes = classes;
  }

  @Override
  public DatasetId id() {
    return images.id();
  }

  @Override
  public void read(int index, byte[] dst, int offset) {
    images.read(index, dst, offset);
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * The images at {@code indices} (in that order) with their labels, copied into memory as a data
   * set of its own, {@code name}, with its own content hash (e.g. a held-out split).
   */
  public static LabeledImages subset(LabeledDataset data, int[] indices, String name) {
    int px = data.shape().pixels();
    byte[] pixels = new byte[indices.length * px];
    int[] labels = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      data.read(indices[i], pixels, i * px);
      labels[i] = data.label(indices[i]);
    }
    return new LabeledImages(new InMemoryDataset(name, data.shape(), pixels), labels, data.classes());
  }

  /** The unlabeled images. */
  public ImageDataset images() {
    return images;
  }
}
