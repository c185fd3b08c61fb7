package org.gansuite.core.train;

import java.io.IOException;
import org.gansuite.core.io.AtomicFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;

/** {@code status.json} of a run: running, completed or failed (with the reason), written atomically. */
final class RunStatus {

  private final Path file;

  RunStatus(Path file) {
    this.file = file;
  }

  void write(String status, long iteration, String message) throws IOException {
    var m = new LinkedHashMap<String, Object>();
    m.put("status", status);
    m.put("iteration", iteration);
    m.put("message", message);
    m.put("time", Instant.now().toString());
    AtomicFiles.write(file, out -> Checkpoints.JSON.writeValue(out, m));
  }
}
