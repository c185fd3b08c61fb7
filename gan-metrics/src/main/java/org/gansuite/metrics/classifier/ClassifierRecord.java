package org.gansuite.metrics.classifier;

import java.security.MessageDigest;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.LabeledDataset;
import org.gansuite.core.io.Sha256;

/**
 * The JSON sidecar of a trained classifier: what it was trained on, how, and how well it does on
 * the test split. Written with the checkpoint; {@code weightsSha256} is checked on every load.
 *
 * @param key the cache key the folder is named after
 * @param testAccuracy fraction of the test split classified correctly (argmax of the softmax)
 * @param featureScale the features are the penultimate activations divided by this: their root
 *     mean square over the first {@link DomainClassifier#SCALE_IMAGES} training images
 * @param trainSeconds wall-clock training time
 */
public record ClassifierRecord(int format, String key, String extractor, String architecture, long parameters,
    int classes, ClassifierConfig config, DataRef train, DataRef test, double testAccuracy, double featureScale,
    double trainSeconds,
    String weightsSha256, String codeVersion, String created) {

  /** Identity of a labelled split: name, size, image shape and hashes of its pixels and labels. */
  public record DataRef(String name, int size, int height, int width, int channels, String pixelsSha256,
      String labelsSha256) {

    static DataRef of(LabeledDataset d) {
      ImageShape s = d.shape();
      return new DataRef(d.id().name(), d.size(), s.height(), s.width(), s.channels(), d.id().contentHash(),
          ClassifierRecord.hashLabels(d.labels()));
    }

    /** The grey shape the classifier sees. */
    ImageShape imageShape() {
      return new ImageShape(height, width, 1);
    }

    String canonical() {
      return name + "|" + size + "|" + height + "x" + width + "x" + channels + "|" + pixelsSha256 + "|" + labelsSha256;
    }
  }

  static String hashLabels(int[] labels) {
    MessageDigest md = Sha256.digest();
    for (int l : labels) {
      md.update(new byte[] {(byte) (l >>> 24), (byte) (l >>> 16), (byte) (l >>> 8), (byte) l});
    }
    return Sha256.hex(md);
  }
}
