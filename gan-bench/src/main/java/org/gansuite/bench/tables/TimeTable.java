package org.gansuite.bench.tables;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.gansuite.bench.results.RunResult;

/**
 * The paper's Table 4 in our terms: training time per row (seconds per epoch, total seconds of
 * this machine's training calls, real images per second) and the devices TensorFlow ran on.
 */
public final class TimeTable {

  private static final String[] HEADER = {"model", "seed", "iterations", "s/epoch", "total s", "images/s", "devices"};

  private final List<RunResult> results;

  public TimeTable(List<RunResult> results) {
    this.results = results.stream().filter(r -> r.training() != null).toList();
  }

  private static String[] cells(RunResult r) {
    return new String[] {r.label(), String.valueOf(r.seed()), String.valueOf(r.training().iterations()),
        fmt(r.training().secondsPerEpoch()), fmt(r.training().seconds()), fmt(r.training().imagesPerSecond()),
        r.provenance() == null ? "" : String.join(" ", r.provenance().devices())};
  }

  public String markdown() {
    var b = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|")
        .append("---|".repeat(HEADER.length)).append("\n");
    results.forEach(r -> b.append("| ").append(String.join(" | ", cells(r))).append(" |\n"));
    return b.append("\nTimes are wall-clock seconds of the training calls on the devices listed (s/epoch = total "
        + "over the epochs' share of real images seen); a resumed run counts its last call only.\n").toString();
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
