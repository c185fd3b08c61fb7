package org.gansuite.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON-lines training log: one object per logged iteration or evaluation, each with its
 * wall-clock {@code time}. After a resume, lines for
 * iterations past the checkpoint may repeat; readers keep the last line per iteration.
 */
final class RunLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter out;

  RunLog(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Writes one line, with the wall-clock {@code time} (ISO-8601, UTC) first. */
  void write(Map<String, Object> line) throws IOException {
    var withTime = new LinkedHashMap<String, Object>();
    withTime.put("time", Instant.now().toString());
    withTime.putAll(line);
    out.write(JSON.writeValueAsString(withTime));
    out.newLine();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
