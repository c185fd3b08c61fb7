package org.gansuite.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tensorflow.TensorFlow;

/**
 * Where a number or a checkpoint came from: the model and its full configuration, seed, data set
 * (id and content hash), code version, Java / TensorFlow versions, operating system, the devices
 * TensorFlow used, and the time. Stored with every checkpoint and result.
 */
public record Provenance(
    String model, SortedMap<String, String> config, long seed, String dataset, String datasetHash,
    String codeVersion, String javaVersion, String tensorflowVersion, String os, List<String> devices,
    String time) {

  public Provenance {
    config = new TreeMap<>(config);
    devices = List.copyOf(devices);
  }

  /** Captures the environment now. */
  public static Provenance capture(String model, Map<String, String> config, long seed, String dataset,
      String datasetHash, List<String> devices) {
    return new Provenance(model, new TreeMap<>(config), seed, dataset, datasetHash, currentCodeVersion(),
        System.getProperty("java.vendor") + " " + Runtime.version(), TensorFlow.version(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        devices, Instant.now().toString());
  }

  /** gansuite's version and the git commit it was built from (build-time, see version.properties). */
  public static String currentCodeVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream("/org/gansuite/core/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      String commit = p.getProperty("commit", "");
      if (commit.isBlank() || commit.startsWith("${")) {
        return p.getProperty("version", "unknown");
      }
      return p.getProperty("version") + "+" + commit + ("true".equals(p.getProperty("dirty")) ? "-dirty" : "");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
