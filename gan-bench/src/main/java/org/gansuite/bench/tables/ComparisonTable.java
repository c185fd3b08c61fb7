package org.gansuite.bench.tables;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.bench.protocol.PaperValues;
import org.gansuite.bench.results.RunResult;
import org.gansuite.metrics.EvaluationResult;

/**
 * A comparison table in the paper's columns (epochs, objective, parameters x10^6 as "G+D + extra",
 * IS ± std, FID, clarity mean, |clarity − training set|), our values beside the paper's, built
 * from stored results only. With one seed IS carries its std over the 10 splits, as the paper; with
 * several, every value is mean ± std over seeds.
 */
public final class ComparisonTable {

  /** One row: the runs of one label. */
  public record Row(String label, List<RunResult> runs, PaperValues.Row paper) {

    List<RunResult> completed() {
      return runs.stream().filter(RunResult::completed).toList();
    }

    String failure() {
      return runs.stream().filter(r -> !r.completed()).map(r -> "seed " + r.seed() + ": " + r.failure())
          .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** Mean of a metric over the completed runs (NaN when none completed). */
    public double mean(ToDoubleFunction<EvaluationResult> metric) {
      return stat(metric)[0];
    }

    /** Mean and (with several runs) sample std of a metric over the completed runs. */
    double[] stat(ToDoubleFunction<EvaluationResult> metric) {
      var s = new SummaryStatistics();
      completed().forEach(r -> s.addValue(metric.applyAsDouble(r.evaluation())));
      return new double[] {s.getMean(), s.getN() > 1 ? s.getStandardDeviation() : Double.NaN};
    }

    /** IS ± its std: over the 10 splits with one seed, over seeds with several. */
    double[] inceptionScore() {
      double[] is = stat(EvaluationResult::isMean);
      return completed().size() == 1 ? new double[] {is[0], completed().get(0).evaluation().isStd()} : is;
    }
  }

  private final String table;
  private final List<Row> rows;

  private ComparisonTable(String table, List<Row> rows) {
    this.table = table;
    this.rows = rows;
  }

  /** Groups results by label in the given row order (others after them), training set last. */
  public static ComparisonTable build(String table, List<RunResult> results, List<PaperValues.Row> paper,
      List<String> order) {
    List<String> labels = new ArrayList<>(order);
    results.stream().map(RunResult::label).filter(l -> !labels.contains(l)).distinct().forEach(labels::add);
    labels.remove(Entry.TRAINING_SET);
    labels.add(Entry.TRAINING_SET);
    Map<String, List<RunResult>> byLabel = new LinkedHashMap<>();
    for (String l : labels) {
      var runs = results.stream().filter(r -> r.label().equals(l)).toList();
      if (!runs.isEmpty()) {
        byLabel.put(l, runs);
      }
    }
    List<Row> rows = new ArrayList<>();
    byLabel.forEach((l, runs) -> rows.add(new Row(l, runs, PaperValues.find(paper, l).orElse(null))));
    return new ComparisonTable(table, rows);
  }

  public List<Row> rows() {
    return rows;
  }

  private static final String[] HEADER = {"model", "runs", "epochs", "objective", "params ×10^6", "IS", "FID",
      "clarity", "diff", "paper epochs", "paper params", "paper IS", "paper FID", "paper clarity", "paper diff"};

  /** Cells of one row, formatted for people. */
  private static String[] cells(Row row) {
    var first = row.runs().get(0);
    String[] c = new String[HEADER.length];
    c[0] = row.label();
    c[1] = row.completed().size() + "/" + row.runs().size();
    c[2] = first.training() == null ? "" : epochs(first.training().epochs());
    c[3] = first.protocol().objective();
    c[4] = params(first);
    if (row.completed().isEmpty()) {
      c[5] = "failed: " + row.failure();
      for (int i = 6; i < 9; i++) {
        c[i] = "—";
      }
    } else {
      double[] is = row.inceptionScore();
      c[5] = Double.isNaN(is[0]) ? "—" : fmt(is[0], 2) + " ± " + fmt(is[1], 4);
      c[6] = withStd(row.stat(EvaluationResult::fid), 2);
      c[7] = withStd(row.stat(e -> e.clarity().mean()), 2);
      c[8] = withStd(row.stat(EvaluationResult::clarityDiff), 2);
    }
    var p = row.paper();
    c[9] = p == null || p.epochs() == 0 ? "" : String.valueOf(p.epochs());
    c[10] = p == null ? "" : p.params();
    c[11] = p == null ? "" : fmt(p.isMean(), 2) + " ± " + fmt(p.isStd(), 4);
    c[12] = p == null ? "" : fmt(p.fid(), 2);
    c[13] = p == null ? "" : fmt(p.clarity(), 2);
    c[14] = p == null ? "" : fmt(p.diff(), 2);
    return c;
  }

  /** Epochs trained: whole numbers as such, fractions with two decimals. */
  private static String epochs(double e) {
    return e >= 10 || e == Math.rint(e) ? String.valueOf(Math.round(e)) : fmt(e, 2);
  }

  /** "G+D" or "G+D + extra" in millions, as the paper prints "9.45 + 0.84". */
  private static String params(RunResult r) {
    if (r.parameters().isEmpty()) {
      return "";
    }
    long gd = 0;
    long extra = 0;
    for (var e : r.parameters().entrySet()) {
      if (e.getKey().equals("generator") || e.getKey().equals("discriminator")) {
        gd += e.getValue();
      } else {
        extra += e.getValue();
      }
    }
    return fmt(gd / 1e6, 2) + (extra > 0 ? " + " + fmt(extra / 1e6, 2) : "");
  }

  private static String withStd(double[] s, int digits) {
    if (Double.isNaN(s[0])) {
      return "—";
    }
    return fmt(s[0], digits) + (Double.isNaN(s[1]) ? "" : " ± " + fmt(s[1], digits));
  }

  private static String fmt(double v, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** Markdown: the table, then its protocol as a footnote. */
  public String markdown() {
    var b = new StringBuilder();
    b.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
    b.append("|").append("---|".repeat(HEADER.length)).append("\n");
    for (Row r : rows) {
      b.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
    }
    b.append("\n").append(footnote());
    return b.toString();
  }

  /** CSV (OpenCSV): the same cells plus the raw numbers, one row per label. */
  public String csv() throws IOException {
    var out = new StringWriter();
    try (var w = new CSVWriter(out)) {
      List<String> header = new ArrayList<>(List.of(HEADER));
      header.addAll(List.of("is_mean", "is_std", "fid", "fid_std", "clarity_mean", "clarity_diff", "seeds", "failure"));
      w.writeNext(header.toArray(String[]::new));
      for (Row r : rows) {
        List<String> cells = new ArrayList<>(List.of(cells(r)));
        double[] is = r.inceptionScore();
        double[] fid = r.stat(EvaluationResult::fid);
        cells.add(raw(is[0]));
        cells.add(raw(is[1]));
        cells.add(raw(fid[0]));
        cells.add(raw(fid[1]));
        cells.add(raw(r.mean(e -> e.clarity().mean())));
        cells.add(raw(r.mean(EvaluationResult::clarityDiff)));
        cells.add(String.valueOf(r.runs().size()));
        cells.add(r.failure());
        w.writeNext(cells.toArray(String[]::new));
      }
    }
    return out.toString();
  }

  private static String raw(double v) {
    return Double.isNaN(v) ? "" : String.valueOf(v);
  }

  /** What produced the numbers, from the stored protocols (distinct values joined). */
  public String footnote() {
    var all = rows.stream().flatMap(r -> r.runs().stream()).toList();
    var b = new StringBuilder("Protocol (table ").append(table).append("): ");
    b.append("data ").append(distinct(all, r -> r.protocol().dataset() + " (" + r.protocol().datasetSize()
        + " images " + r.protocol().imageShape() + ", sha256 " + prefix(r.protocol().datasetSha256()) + ")"));
    var models = all.stream().filter(r -> !r.label().equals(Entry.TRAINING_SET)).toList();
    b.append("; training ").append(distinct(models, r -> r.protocol().budget()));
    b.append("; ").append(distinct(all, r -> r.protocol().samples() + " generated samples")).append(" per run");
    b.append(" scored against ").append(distinct(all, r -> r.protocol().referenceSamples() + " training images"));
    b.append(" with ").append(distinct(all, r -> r.protocol().extractor() + extractorHash(r)));
    b.append("; IS over 10 splits (± population std over splits with one seed, else ± std over seeds)");
    b.append("; FID on the extractor's features, unbiased covariance, float64");
    b.append("; clarity = variance of the Laplacian (OpenCV-compatible) averaged over images, diff = |generated − training set|");
    b.append("; seeds ").append(distinct(models, r -> String.valueOf(r.seed())));
    b.append("; code ").append(distinct(all, r -> r.protocol().codeVersion())).append(".");
    if (all.stream().anyMatch(r -> r.evaluation() != null && !r.evaluation().fidComparable())) {
      b.append(" FID from fewer than 10,000 samples is biased upwards and not comparable to the paper's values.");
    }
    return b.append("\n").toString();
  }

  private static String extractorHash(RunResult r) {
    if (r.evaluation() == null) {
      return "";
    }
    var p = r.evaluation().protocol();
    return " (weights sha256 " + prefix(p.weightsSha256()) + ", layer " + p.layer() + ")";
  }

  private static String prefix(String hash) {
    return hash.length() > 16 ? hash.substring(0, 16) : hash;
  }

  private static String distinct(List<RunResult> all, Function<RunResult, String> f) {
    var set = new TreeSet<String>();
    all.forEach(r -> set.add(f.apply(r)));
    return String.join(", ", set);
  }
}
