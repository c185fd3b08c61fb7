package org.gansuite.core.train;

import java.io.IOException;
import java.nio.file.Path;
import org.gansuite.core.data.ImageShape;

/** Fixed-z sample grids of a run: {@code samples/iter-<n>.png}. */
final class SampleGrids {

  private SampleGrids() {}

  static void write(Path dir, long iteration, byte[] pixels, int count, ImageShape shape) throws IOException {
    // PNG grids come with gan-core's image writer (data issue).
  }
}
