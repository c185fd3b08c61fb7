package org.gansuite.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.gansuite.core.io.AtomicFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-lines training log: one object per logged iteration or evaluation, each with its
 * wall-clock {@code time}. A resume first cuts the log back to its checkpoint's iteration
 * ({@link #cutAfter}), so no iteration is logged twice.
 */
final class RunLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final BufferedWriter out;

  RunLog(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Writes one line, with the wall-clock {@code time} (ISO-8601, UTC) first. */
  void write(Map<String, Object> line) throws IOException {
    var withTime = new LinkedHashMap<String, Object>();
    withTime.put("time", Instant.now().toString());
    withTime.putAll(line);
    try {
      out.write(JSON.writeValueAsString(withTime));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new IOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites {@code file} (atomically) without the lines past {@code iteration}, and without a
   * last line a kill cut short: what a run resumed from that iteration's checkpoint logs again.
   */
  static void cutAfter(Path file, long iteration) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        continue;
      }
      if (n != null && n.path("iteration").asLong(Long.MAX_VALUE) <= iteration) {
        kept.add(line);
      }
    }
    AtomicFiles.write(file, o -> {
      for (String line : kept) {
        o.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
