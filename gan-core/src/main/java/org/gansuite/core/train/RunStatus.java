package org.gansuite.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.gansuite.core.io.AtomicFiles;

/**
 * {@code status.json} of a run: running, completed or failed (with the reason), written
 * atomically. A running status names its process (host, pid and the process's start time, so a
 * reused pid is not mistaken for it): a status whose process is gone reads as
 * {@value #INTERRUPTED}, since a killed process cannot write its own end.
 */
public final class RunStatus {

  /** The file in a run folder. */
  public static final String FILE = "status.json";
  /** What {@link #read} says of a running status whose process is gone. */
  public static final String INTERRUPTED = "interrupted";

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
    if (status.equals("running")) {
      ProcessHandle self = ProcessHandle.current();
      m.put("host", host());
      m.put("pid", self.pid());
      m.put("process_start", self.info().startInstant().map(Instant::toString).orElse(""));
    }
    AtomicFiles.write(file, out -> Checkpoints.JSON.writeValue(out, m));
  }

  /**
   * The status in {@code s} (a parsed {@code status.json}): as stored, except that "running" reads
   * as {@value #INTERRUPTED} when its process ran on this host and is gone (a process of another
   * host cannot be checked and stays "running").
   */
  public static String read(JsonNode s) {
    String status = s.path("status").asText();
    if (!status.equals("running") || !s.path("host").asText().equals(host()) || !s.has("pid")) {
      return status;
    }
    Optional<ProcessHandle> p = ProcessHandle.of(s.path("pid").asLong());
    boolean same = p.isPresent() && p.get().isAlive()
        && p.get().info().startInstant().map(Instant::toString).orElse("").equals(s.path("process_start").asText());
    return same ? status : INTERRUPTED;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
