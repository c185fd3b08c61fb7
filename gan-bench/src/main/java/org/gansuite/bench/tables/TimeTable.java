package org.gansuite.bench.tables;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.gansuite.bench.results.RunResult;

/**
 * The paper's Table 4 in our terms: training time per row (seconds per adversarial epoch; a
 * model's preparation, e.g. the proposed model's auto-encoder pre-training, and the adversarial
 * training apart and together; real images per second) and the devices TensorFlow ran on.
 */
public final class TimeTable {

  private static final String[] HEADER = {"model", "seed", "iterations", "s/epoch", "pre-training s", "adversarial s", "total s",
      "images/s", "devices"};

  private final List<RunResult> results;

  public TimeTable(List<RunResult> results) {
    this.results = results.stream().filter(r -> r.training() != null).toList();
  }

  private static String[] cells(RunResult r) {
    return new String[] {r.label(), String.valueOf(r.seed()), String.valueOf(r.training().iterations()),
        fmt(r.training().secondsPerEpoch()), fmt(r.training().preparationSeconds()), fmt(r.training().seconds()),
        fmt(r.training().preparationSeconds() + r.training().seconds()), fmt(r.training().imagesPerSecond()),
        r.provenance() == null ? "" : String.join(" ", r.provenance().devices())
            + (r.provenance().config().containsKey("precision") ? " (" + r.provenance().config().get("precision") + ")" : "")};
  }

  public String markdown() {
    var b = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|")
        .append("---|".repeat(HEADER.length)).append("\n");
    results.forEach(r -> b.append("| ").append(String.join(" | ", cells(r))).append(" |\n"));
    return b.append("\n").append(note()).append("\n").toString();
  }

  /** What the columns mean. */
  public String note() {
    return "Times are wall-clock seconds of the training calls on the devices listed: pre-training = the "
        + "model's preparation (the proposed model's auto-encoder), adversarial = the GAN iterations, total = both; "
        + "s/epoch and images/s are the adversarial training's; a resumed run counts its last call only; "
        + "a precision in brackets after the devices: trained below fp32 (--precision).";
  }

  public String csv() throws IOException {
    var out = new StringWriter();
    try (var w = new CSVWriter(out)) {
      w.writeNext(HEADER);
      results.forEach(r -> w.writeNext(cells(r)));
    }
    return out.toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }
}
