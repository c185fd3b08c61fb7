package org.gansuite.core.data;

/**
 * An image data set with one integer class label per image (CIFAR-10, MNIST, Fashion-MNIST). The
 * metrics module trains its Fashion-MNIST classifier on these labels.
 */
public interface LabeledDataset extends ImageDataset {

  /** Label of image {@code index}, in 0..{@link #classes()}-1. */
  int label(int index);

  /** Number of classes: one more than the largest label the format allows (10 for CIFAR-10). */
  int classes();

  /** A copy of all labels in index order. */
  default int[] labels() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(i);
    }
    return out;
  }
}
