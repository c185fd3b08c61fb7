package org.gansuite.core.train;

import java.nio.file.Path;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageWriter;

/** Fixed-z sample grids of a run: {@code samples/iter-<n>.png}, 8 columns. */
final class SampleGrids {

  private SampleGrids() {}

  static Path write(Path dir, long iteration, byte[] pixels, int count, ImageShape shape) {
    Path file = dir.resolve(String.format("iter-%08d.png", iteration));
    ImageWriter.writeGrid(file, pixels, count, shape, 8);
    return file;
  }
}
