package org.gansuite.core.train;

import java.io.IOException;
import java.util.Map;

/**
 * Scores samples of the generator during training (e.g. FID, KID, IS from gan-metrics). The
 * trainer draws {@link #samples()} images with a fixed evaluation z at iteration 0, every N
 * iterations and at the end, and logs each map it returns with its keys prefixed {@code eval_}.
 * A {@code fid} key, when present, selects the best checkpoint (lowest FID).
 */
public interface PeriodicEvaluator {

  /** Images to draw per evaluation. */
  int samples();

  /**
   * Scores {@code count} images, 8-bit HWC, image after image; keys match {@code [a-z][a-z0-9_]*}
   * (e.g. {@code fid}, {@code kid}, {@code is}).
   */
  Map<String, Double> score(byte[] pixels, int count) throws IOException;
}
