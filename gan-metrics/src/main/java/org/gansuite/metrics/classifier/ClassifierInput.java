package org.gansuite.metrics.classifier;

import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.metrics.GreyConversion;

/**
 * Feeds images to the classifier: grey values scaled to [-1, 1]; RGB images become grey with
 * OpenCV 4's conversion first (grey files decoded as RGB come back exactly).
 */
final class ClassifierInput {

  private final ImageDataset images;
  private final ImageShape trained;
  private final byte[] one;

  /** An error naming both shapes unless {@code images} have the trained height and width. */
  ClassifierInput(ImageDataset images, ImageShape trained) {
    ImageShape s = images.shape();
    if (s.height() != trained.height() || s.width() != trained.width()) {
      throw new UserError(images.id().name() + ": images are " + s + " but the classifier was trained on "
          + trained + "; give images of " + trained.height() + "x" + trained.width() + " pixels");
    }
    this.images = images;
    this.trained = trained;
    this.one = new byte[s.pixels()];
  }

  int pixelsPerImage() {
    return trained.height() * trained.width();
  }

  /** Images {@code index[from..to)} (or {@code from..to} when {@code index} is null) as floats, one grey plane each. */
  float[] batch(int[] index, int from, int to) {
    int hw = trained.height() * trained.width();
    int c = images.shape().channels();
    float[] out = new float[(to - from) * hw];
    for (int i = from; i < to; i++) {
      images.read(index == null ? i : index[i], one, 0);
      int o = (i - from) * hw;
      for (int p = 0; p < hw; p++) {
        int v = c == 1 ? one[p] & 0xFF
            : GreyConversion.OPENCV_4.grey(one[3 * p] & 0xFF, one[3 * p + 1] & 0xFF, one[3 * p + 2] & 0xFF);
        out[o + p] = v / 127.5f - 1f;
      }
    }
    return out;
  }
}
