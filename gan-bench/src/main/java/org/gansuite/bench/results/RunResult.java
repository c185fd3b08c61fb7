package org.gansuite.bench.results;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.metrics.EvaluationResult;

/**
 * The stored result of one run ({@code result.json} in its folder, or {@code evaluation.json}
 * written by {@code evaluate}): what ran, how it ended, its parameter counts, training cost, the
 * typed evaluation with its metric protocol, the reproduction protocol and provenance. Tables and
 * reports are built from these files only. Bound to JSON with Jackson (snake_case keys, every
 * field written, null where absent); an unknown, missing or misspelt key is refused on reading
 * instead of silently becoming NaN.
 *
 * @param table the table key of the run matrix ({@code quick}, {@code 5} ...); null for {@code evaluate}
 * @param failure the reason a run failed (divergence with its iteration and values, or an error); empty otherwise
 * @param parameters trainable parameters per network
 * @param training what training cost; null for the training-set row and for {@code evaluate}
 * @param evaluation the scores; null when the run failed
 * @param provenance of the checkpoint that was scored; null for the training-set row
 */
public record RunResult(int format, String table, String label, String model, Map<String, String> hyper, long seed,
    Status status, String failure, Map<String, Long> parameters, TrainingCost training, EvaluationResult evaluation,
    RunProtocol protocol, Provenance provenance) {

  /**
   * Bumped whenever a field changes meaning; older files are refused with a clear message. 4: the evaluation's
   * clarity is a list of every reading of clarity ({@code ClarityScore}s) instead of one summary, mean and
   * diff, and the protocol holds the training batch.
   */
  public static final int FORMAT = 4;
  public static final String FILE = "result.json";
  /** What {@code evaluate} writes in a train run folder. */
  public static final String EVALUATION_FILE = "evaluation.json";

  /** How a run ended. */
  public enum Status {
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED;

    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  /** The one JSON binding of results: snake_case, NaN as "NaN", unknown keys refused. */
  public static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .build();

  public RunResult {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(protocol, "protocol");
    hyper = hyper == null ? Map.of() : new TreeMap<>(hyper);
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
    failure = failure == null ? "" : failure;
    if (status == Status.COMPLETED && evaluation == null) {
      throw new IllegalArgumentException("a completed run needs its evaluation (" + label + ", seed " + seed + ")");
    }
  }

  public boolean completed() {
    return status == Status.COMPLETED;
  }

  /** Writes {@code file} atomically (aside, then renamed). */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, out -> JSON.writeValue(out, this));
  }

  public static RunResult read(Path file) throws IOException {
    int format;
    try {
      var node = JSON.readTree(file.toFile());
      format = node == null || node.get("format") == null ? -1 : node.get("format").asInt();
    } catch (IOException e) {
      throw new DataFormatException(file, "not a readable result (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    if (format != FORMAT) {
      throw new DataFormatException(file, "result format " + format + ", this gansuite reads format " + FORMAT
          + " (written by another version: rerun that run, or build the tables with the version that wrote it)");
    }
    try {
      return JSON.readValue(file.toFile(), RunResult.class);
    } catch (IOException e) {
      throw new DataFormatException(file, "not a readable result (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }
}
