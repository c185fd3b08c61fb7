package org.gansuite.core.testing;

import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;

/** Small synthetic data sets for tests: seeded, so their content hash is stable. */
public final class TinyDatasets {

  private TinyDatasets() {}

  /** {@code count} images of {@code shape}: smooth gradients with seeded noise. */
  public static InMemoryDataset gradients(int count, ImageShape shape, long seed) {
    var rng = new SplittableRandom(seed);
    byte[] px = new byte[count * shape.pixels()];
    int i = 0;
    for (int n = 0; n < count; n++) {
      int phase = rng.nextInt(64);
      for (int y = 0; y < shape.height(); y++) {
        for (int x = 0; x < shape.width(); x++) {
          for (int c = 0; c < shape.channels(); c++) {
            int v = (x * 255 / Math.max(1, shape.width() - 1) + phase + 40 * c + rng.nextInt(16)) % 256;
            px[i++] = (byte) v;
          }
        }
      }
    }
    return new InMemoryDataset("tiny-gradients-" + count + "-" + shape + "-" + seed, shape, px);
  }
}
