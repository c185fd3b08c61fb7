package org.gansuite.bench.reproduce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.provenance.Provenance;

/**
 * The stored result of one run ({@code result.json} in its folder): what ran, how it ended, its
 * parameter counts, training costs, metric values with their evaluation protocol, the
 * reproduction protocol and provenance. Tables and reports are built from these files only.
 *
 * @param status {@code completed} or {@code failed}
 * @param failure the reason a run failed (divergence with its iteration and values, or an error)
 * @param parameters trainable parameters per network
 * @param metrics the evaluation (fid, is_mean, is_std, clarity_mean, clarity_diff, kid, n, protocol ...)
 * @param training iterations, epochs, seconds, seconds_per_epoch, images_per_s, data_wait_s, devices
 * @param protocol the reproduction protocol and the data set's identity
 */
public record ResultRecord(int format, String table, String label, String model, Map<String, String> hyper,
    long seed, String status, String failure, Map<String, Long> parameters, Map<String, Object> metrics,
    Map<String, Object> training, Map<String, Object> protocol, Provenance provenance) {

  public static final int FORMAT = 1;
  public static final String FILE = "result.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ResultRecord {
    hyper = new TreeMap<>(hyper);
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
    metrics = metrics == null ? Map.of() : metrics;
    training = training == null ? Map.of() : training;
    protocol = protocol == null ? Map.of() : protocol;
  }

  public boolean completed() {
    return "completed".equals(status);
  }

  public double metric(String key) {
    Object v = metrics.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  public double trainingValue(String key) {
    Object v = training.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  /** Writes {@code dir/result.json} atomically (aside, then renamed). */
  public void write(Path dir) throws IOException {
    AtomicFiles.write(dir.resolve(FILE), out -> JSON.writeValue(out, this));
  }

  public static ResultRecord read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), ResultRecord.class);
    } catch (IOException e) {
      throw new IOException(file + ": not a readable result (" + e.getMessage() + ")", e);
    }
  }

}
