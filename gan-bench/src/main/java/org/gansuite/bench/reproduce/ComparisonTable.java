package org.gansuite.bench.reproduce;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A comparison table in the paper's columns (epochs, objective, parameters x10^6 as "G+D + extra",
 * IS ± std, FID, clarity mean, |clarity − training set|), our values beside the paper's, built
 * from stored results only. With one seed IS carries its std over the 10 splits, as the paper; with
 * several, every value is mean ± std over seeds.
 */
public final class ComparisonTable {

  /** One row: the runs of one label. */
  public record Row(String label, List<ResultRecord> runs, PaperValues.Row paper) {

    List<ResultRecord> completed() {
      return runs.stream().filter(ResultRecord::completed).toList();
    }

    String failure() {
      return runs.stream().filter(r -> !r.completed()).map(r -> "seed " + r.seed() + ": " + r.failure())
          .reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** Mean of a metric over the completed runs (NaN when none completed). */
    public double mean(String key) {
      return stat(key)[0];
    }

    double[] stat(String key) {
      var s = new SummaryStatistics();
      completed().forEach(r -> s.addValue(r.metric(key)));
      return new double[] {s.getMean(), s.getN() > 1 ? s.getStandardDeviation() : Double.NaN};
    }
  }

  private final String table;
  private final List<Row> rows;

  private ComparisonTable(String table, List<Row> rows) {
    this.table = table;
    this.rows = rows;
  }

  /** Groups results by label, in the protocol's row order, training set last. */
  public static ComparisonTable build(String table, List<ResultRecord> results, List<PaperValues.Row> paper,
      List<String> order) {
    Map<String, List<ResultRecord>> byLabel = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>(order);
    results.stream().map(ResultRecord::label).filter(l -> !labels.contains(l)).forEach(labels::add);
    labels.remove("training set");
    labels.add("training set");
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
    c[2] = epochs(first);
    c[3] = String.valueOf(first.protocol().getOrDefault("objective", ""));
    c[4] = params(first);
    if (row.completed().isEmpty()) {
      for (int i = 5; i < 9; i++) {
        c[i] = i == 5 ? "failed: " + row.failure() : "—";
      }
    } else {
      boolean oneSeed = row.completed().size() == 1;
      double[] is = row.stat("is_mean");
      double isStd = oneSeed ? row.completed().get(0).metric("is_std") : is[1];
      c[5] = Double.isNaN(is[0]) ? "—" : fmt(is[0], 2) + " ± " + fmt(isStd, 4);
      c[6] = withStd(row.stat("fid"), 2);
      c[7] = withStd(row.stat("clarity_mean"), 2);
      c[8] = withStd(row.stat("clarity_diff"), 2);
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

  /** Epochs actually trained: real images seen over the data set size. */
  private static String epochs(ResultRecord r) {
    double images = r.trainingValue("images");
    Object size = r.protocol().get("dataset_size");
    if (Double.isNaN(images) || !(size instanceof Number n)) {
      return "";
    }
    double e = images / n.doubleValue();
    return e >= 10 || e == Math.rint(e) ? String.valueOf(Math.round(e)) : fmt(e, 2);
  }

  /** "G+D" or "G+D + extra" in millions, as the paper prints "9.45 + 0.84". */
  private static String params(ResultRecord r) {
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
        double[] is = r.stat("is_mean");
        double[] fid = r.stat("fid");
        cells.add(raw(is[0]));
        cells.add(raw(r.completed().size() == 1 ? r.completed().get(0).metric("is_std") : is[1]));
        cells.add(raw(fid[0]));
        cells.add(raw(fid[1]));
        cells.add(raw(r.stat("clarity_mean")[0]));
        cells.add(raw(r.stat("clarity_diff")[0]));
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
    b.append("data ").append(distinct(all, r -> r.protocol().get("dataset") + " (" + r.protocol().get("dataset_size")
        + " images " + r.protocol().get("image_shape") + ", sha256 " + prefix(r.protocol().get("dataset_sha256")) + ")"));
    b.append("; training ").append(distinct(all, r -> r.table().equals("quick")
        ? r.protocol().get("budget_images") + " real images per model" : "each model's paper epoch budget"));
    b.append("; ").append(distinct(all, r -> r.protocol().get("samples") + " generated samples")).append(" per run");
    b.append(" scored against ").append(distinct(all, r -> r.protocol().get("reference_samples") + " training images"));
    b.append(" with ").append(distinct(all, r -> r.protocol().get("extractor") + extractorHash(r)));
    b.append("; IS over 10 splits (± population std over splits with one seed, else ± std over seeds)");
    b.append("; FID on the extractor's features, unbiased covariance, float64");
    b.append("; clarity = variance of the Laplacian (OpenCV-compatible) averaged over images, diff = |generated − training set|");
    b.append("; seeds ").append(distinct(all.stream().filter(r -> !r.label().equals("training set")).toList(),
        r -> String.valueOf(r.seed())));
    b.append("; code ").append(distinct(all, r -> String.valueOf(r.protocol().get("code_version")))).append(".");
    if (all.stream().anyMatch(r -> Boolean.FALSE.equals(r.metrics().get("fid_comparable")))) {
      b.append(" FID from fewer than 10,000 samples is biased upwards and not comparable to the paper's values.");
    }
    return b.append("\n").toString();
  }

  private static String extractorHash(ResultRecord r) {
    Object p = r.metrics().get("protocol");
    if (p instanceof Map<?, ?> m && m.get("weights_sha256") != null) {
      return " (weights sha256 " + prefix(m.get("weights_sha256")) + ", layer " + m.get("layer") + ")";
    }
    return "";
  }

  private static String prefix(Object hash) {
    String s = String.valueOf(hash);
    return s.length() > 16 ? s.substring(0, 16) : s;
  }

  private static String distinct(List<ResultRecord> all, java.util.function.Function<ResultRecord, String> f) {
    var set = new TreeSet<String>();
    all.forEach(r -> set.add(f.apply(r)));
    return String.join(", ", set);
  }
}
