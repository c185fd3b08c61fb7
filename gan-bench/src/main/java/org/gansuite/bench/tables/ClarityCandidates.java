package org.gansuite.bench.tables;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.ClarityDefinition.Kernel;
import org.gansuite.metrics.ClarityDefinition.Statistic;

/**
 * The training-set row's clarity under every {@link ClarityDefinition}, beside the paper's
 * training-set value where the table has one (107.88 CelebA, 120.56 CIFAR-10): the paper never
 * defines its clarity, so a user with the paper's data sees which reading lands on its scale, and
 * rebuilds the tables with it ({@code report --clarity ... --clarity-kernel ...}) from the stored
 * values, without re-scoring.
 */
public final class ClarityCandidates {

  private final ComparisonTable.Row trainingSet;
  private final double paper;
  private final ClarityDefinition shown;

  private ClarityCandidates(ComparisonTable.Row trainingSet, double paper, ClarityDefinition shown) {
    this.trainingSet = trainingSet;
    this.paper = paper;
    this.shown = shown;
  }

  /** The block of a table with a completed training-set row; empty otherwise. */
  static Optional<ClarityCandidates> of(ComparisonTable table) {
    return table.rows().stream().filter(r -> r.label().equals(Entry.TRAINING_SET) && !r.completed().isEmpty())
        .findFirst().map(r -> new ClarityCandidates(r, r.paper() == null ? Double.NaN : r.paper().clarity(), table.clarity()));
  }

  private double value(ClarityDefinition d) {
    return trainingSet.mean(e -> e.clarity(d).generated().mean());
  }

  /** The sentence before the grid. */
  public String intro() {
    int n = trainingSet.completed().get(0).evaluation().n();
    return "Training-set clarity under every candidate reading (mean over its " + n + " images; rows: statistic of "
        + "the Laplacian response per image, columns: kernel 4 = [[0,1,0],[1,-4,1],[0,1,0]], 8 = [[1,1,1],[1,-8,1],"
        + "[1,1,1]], 141 = [[1,4,1],[4,-20,4],[1,4,1]]/6; the table above shows " + shown + ")"
        + (Double.isNaN(paper) ? "." : "; the paper's training set: " + fmt(paper) + ".");
  }

  /** The grid: one row per statistic, one column per kernel. */
  public String grid() {
    var b = new StringBuilder("| statistic |");
    for (Kernel k : Kernel.values()) {
      b.append(" kernel ").append(k.key()).append(" |");
    }
    b.append("\n|").append("---|".repeat(Kernel.values().length + 1)).append("\n");
    for (Statistic s : Statistic.values()) {
      b.append("| ").append(s.key()).append(" |");
      for (Kernel k : Kernel.values()) {
        b.append(" ").append(fmt(value(new ClarityDefinition(s, k)))).append(" |");
      }
      b.append("\n");
    }
    return b.toString();
  }

  /** Which reading lies nearest the paper's value, and how to rebuild the tables with it; empty without one. */
  public String nearest() {
    if (Double.isNaN(paper)) {
      return "";
    }
    ClarityDefinition best = ClarityDefinition.ALL.stream()
        .min(Comparator.comparingDouble(d -> Math.abs(value(d) - paper))).orElseThrow();
    return String.format(Locale.ROOT, "Nearest to the paper's %s: %s (%s, %+.1f%%); on the paper's data, "
        + "`bin/gan-bench report ... %s` rebuilds the tables under it from the stored values.", fmt(paper), best,
        fmt(value(best)), 100 * (value(best) - paper) / paper, best.options());
  }

  public String markdown() {
    String near = nearest();
    return intro() + "\n\n" + grid() + (near.isEmpty() ? "" : "\n" + near + "\n");
  }

  /**
   * Every row's clarity and diff under every reading ({@code <statistic>_k<kernel>_mean}, {@code _diff}), means
   * over completed runs, one number per cell.
   */
  static String csv(List<ComparisonTable.Row> rows) throws IOException {
    var out = new StringWriter();
    try (var w = new CSVWriter(out)) {
      List<String> header = new ArrayList<>(List.of("model"));
      ClarityDefinition.ALL.forEach(d -> {
        header.add(d.key() + "_mean");
        header.add(d.key() + "_diff");
      });
      w.writeNext(header.toArray(String[]::new));
      for (var r : rows) {
        List<String> cells = new ArrayList<>(List.of(r.label()));
        for (var d : ClarityDefinition.ALL) {
          cells.add(raw(r.mean(e -> e.clarity(d).generated().mean())));
          cells.add(raw(r.mean(e -> e.clarity(d).diff())));
        }
        w.writeNext(cells.toArray(String[]::new));
      }
    }
    return out.toString();
  }

  private static String raw(double v) {
    return Double.isNaN(v) ? "" : String.valueOf(v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
