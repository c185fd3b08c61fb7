package org.gansuite.core.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    Path tmp = Files.createTempFile(file.getParent(), ".status", ".tmp");
    Checkpoints.JSON.writeValue(tmp.toFile(), m);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
