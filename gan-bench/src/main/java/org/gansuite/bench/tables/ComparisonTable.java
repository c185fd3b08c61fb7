package org.gansuite.bench.tables;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.bench.protocol.PaperValues;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.TrainingCost;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.EvaluationResult;

/**
 * A comparison table in the paper's columns (epochs, objective, parameters x10^6 as "G+D + extra",
 * IS ± std, FID, clarity mean, |clarity − training set|) plus the training compute, KID and a
 * verdict per row, our values beside the paper's where it has them, built from stored results
 * only. With one seed IS carries its std over the 10 splits, as the paper; with several, every
 * value is mean ± std over seeds. Columns without a value in any row are left out.
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
    public double[] stat(ToDoubleFunction<EvaluationResult> metric) {
      var s = new SummaryStatistics();
      completed().forEach(r -> s.addValue(metric.applyAsDouble(r.evaluation())));
      return new double[] {s.getMean(), s.getN() > 1 ? s.getStandardDeviation() : Double.NaN};
    }

    /** IS ± its std: over the 10 splits with one seed, over seeds with several. */
    public double[] inceptionScore() {
      double[] is = stat(EvaluationResult::isMean);
      return completed().size() == 1 ? new double[] {is[0], completed().get(0).evaluation().isStd()} : is;
    }

    /** KID ± its std: over the subsets with one seed, over seeds with several. */
    public double[] kid() {
      double[] kid = stat(EvaluationResult::kid);
      return completed().size() == 1 ? new double[] {kid[0], completed().get(0).evaluation().kidStd()} : kid;
    }

    /** KID × 10^3 ± its std, as the table prints it. */
    public double[] kidPerMille() {
      double[] k = kid();
      return new double[] {k[0] * 1e3, k[1] * 1e3};
    }

    /** Mean over all runs of a training figure (NaN when no run has training costs). */
    double training(ToDoubleFunction<TrainingCost> f) {
      var s = new SummaryStatistics();
      runs.stream().filter(r -> r.training() != null).forEach(r -> s.addValue(f.applyAsDouble(r.training())));
      return s.getN() == 0 ? Double.NaN : s.getMean();
    }

    /** Every run's verdict that is not "learned", joined; empty when all learned. */
    public String flag() {
      return runs.stream().map(Verdict::of).filter(v -> !v.isEmpty()).distinct().reduce((a, b) -> a + "; " + b).orElse("");
    }
  }

  /** A column: its Markdown header, its CSV headers and how to fill them from a row. */
  private record Column(String header, Function<Row, String> cell, List<String> csvHeaders,
      Function<Row, List<String>> csv) {}

  private final String table;
  private final List<Row> rows;
  private final ClarityDefinition clarity;
  private final List<Column> columns;

  private ComparisonTable(String table, List<Row> rows, ClarityDefinition clarity) {
    this.table = table;
    this.rows = rows;
    this.clarity = clarity;
    List<Column> all = columns(rows.stream().anyMatch(r -> r.paper() != null), clarity);
    // A column is shown when some row has a value in it: no empty columns.
    this.columns = all.stream().filter(c -> rows.stream().anyMatch(r -> !blank(c.cell().apply(r)))).toList();
  }

  /**
   * Groups results by label in the given row order (others after them), training set last; the clarity
   * and diff columns show {@code clarity}, one of the readings every result stores.
   */
  public static ComparisonTable build(String table, List<RunResult> results, List<PaperValues.Row> paper,
      List<String> order, ClarityDefinition clarity) {
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
    return new ComparisonTable(table, rows, clarity);
  }

  public List<Row> rows() {
    return rows;
  }

  /** The reading of clarity the clarity and diff columns show. */
  public ClarityDefinition clarity() {
    return clarity;
  }

  /** The training-set row under every reading of clarity, when the table has that row. */
  public Optional<ClarityCandidates> clarityCandidates() {
    return ClarityCandidates.of(this);
  }

  private static List<Column> columns(boolean withPaper, ClarityDefinition clarity) {
    List<Column> c = new ArrayList<>();
    c.add(new Column("model", Row::label, List.of("model"), r -> List.of(r.label())));
    c.add(new Column("runs", r -> r.completed().size() + "/" + r.runs().size(), List.of("runs", "completed"),
        r -> List.of(String.valueOf(r.runs().size()), String.valueOf(r.completed().size()))));
    c.add(new Column("epochs", r -> fmt(r.training(TrainingCost::epochs), 2), List.of("epochs"),
        r -> List.of(raw(r.training(TrainingCost::epochs)))));
    c.add(new Column("GFLOP", r -> grouped(r.training(TrainingCost::gflop)), List.of("gflop", "preparation_gflop"),
        r -> List.of(raw(r.training(TrainingCost::gflop)), raw(r.training(TrainingCost::preparationGflop)))));
    c.add(new Column("objective", r -> r.runs().get(0).protocol().objective(), List.of("objective"),
        r -> List.of(r.runs().get(0).protocol().objective())));
    c.add(new Column("params ×10^6", r -> params(r.runs().get(0)), List.of("params_gd", "params_extra"), r -> {
      long[] p = paramCounts(r.runs().get(0));
      return List.of(p[0] == 0 ? "" : String.valueOf(p[0]), p[0] == 0 ? "" : String.valueOf(p[1]));
    }));
    c.add(new Column("IS", r -> withStd(r.inceptionScore(), 2), List.of("is_mean", "is_std"), r -> raws(r.inceptionScore())));
    c.add(new Column("FID", r -> withStd(r.stat(EvaluationResult::fid), 2), List.of("fid", "fid_std"),
        r -> raws(r.stat(EvaluationResult::fid))));
    c.add(new Column("KID ×10^3", r -> withStd(r.kidPerMille(), 2), List.of("kid", "kid_std"), r -> raws(r.kid())));
    for (var m : List.<Map.Entry<String, ToDoubleFunction<EvaluationResult>>>of(Map.entry("precision", EvaluationResult::precision),
        Map.entry("recall", EvaluationResult::recall), Map.entry("density", EvaluationResult::density),
        Map.entry("coverage", EvaluationResult::coverage))) {
      c.add(new Column(m.getKey(), r -> withStd(r.stat(m.getValue()), 3), List.of(m.getKey(), m.getKey() + "_std"),
          r -> raws(r.stat(m.getValue()))));
    }
    c.add(new Column("modes", r -> modes(r), List.of("modes"), r -> List.of(modes(r))));
    ToDoubleFunction<EvaluationResult> clarityMean = e -> e.clarity(clarity).generated().mean();
    ToDoubleFunction<EvaluationResult> clarityDiff = e -> e.clarity(clarity).diff();
    c.add(new Column("clarity", r -> withStd(r.stat(clarityMean), 2), List.of("clarity_mean", "clarity_std"),
        r -> raws(r.stat(clarityMean))));
    c.add(new Column("diff", r -> withStd(r.stat(clarityDiff), 2), List.of("clarity_diff", "clarity_diff_std"),
        r -> raws(r.stat(clarityDiff))));
    c.add(new Column("flag", r -> r.completed().isEmpty() ? "failed: " + r.failure() : r.flag(), List.of("flag", "failure"),
        r -> List.of(r.flag(), r.failure())));
    if (withPaper) {
      c.add(new Column("paper epochs", r -> r.paper() == null || r.paper().epochs() == 0 ? "" : String.valueOf(r.paper().epochs()),
          List.of("paper_epochs"), r -> List.of(r.paper() == null || r.paper().epochs() == 0 ? "" : String.valueOf(r.paper().epochs()))));
      c.add(new Column("paper params", r -> r.paper() == null ? "" : r.paper().params(), List.of("paper_params"),
          r -> List.of(r.paper() == null ? "" : r.paper().params())));
      c.add(new Column("paper IS", r -> r.paper() == null ? "" : withStd(new double[] {r.paper().isMean(), r.paper().isStd()}, 2),
          List.of("paper_is_mean", "paper_is_std"),
          r -> r.paper() == null ? List.of("", "") : List.of(raw(r.paper().isMean()), raw(r.paper().isStd()))));
      c.add(new Column("paper FID", r -> r.paper() == null ? "" : fmt(r.paper().fid(), 2), List.of("paper_fid"),
          r -> List.of(r.paper() == null ? "" : raw(r.paper().fid()))));
      c.add(new Column("paper clarity", r -> r.paper() == null ? "" : fmt(r.paper().clarity(), 2), List.of("paper_clarity"),
          r -> List.of(r.paper() == null ? "" : raw(r.paper().clarity()))));
      c.add(new Column("paper diff", r -> r.paper() == null ? "" : fmt(r.paper().diff(), 2), List.of("paper_diff"),
          r -> List.of(r.paper() == null ? "" : raw(r.paper().diff()))));
    }
    return c;
  }

  /** Classes covered by the samples (mean over seeds), where the extractor classifies. */
  private static String modes(Row r) {
    double m = r.mean(e -> e.modeCoverage() < 0 ? Double.NaN : e.modeCoverage());
    return Double.isNaN(m) ? "" : m == Math.rint(m) ? String.valueOf((long) m) : fmt(m, 1);
  }

  private static boolean blank(String cell) {
    return cell.isEmpty() || cell.equals("—");
  }

  /** Generator + discriminator, and every other network, in parameters. */
  private static long[] paramCounts(RunResult r) {
    long gd = 0;
    long extra = 0;
    for (var e : r.parameters().entrySet()) {
      if (e.getKey().equals("generator") || e.getKey().equals("discriminator")) {
        gd += e.getValue();
      } else {
        extra += e.getValue();
      }
    }
    return new long[] {gd, extra};
  }

  /** "G+D" or "G+D + extra" in millions, as the paper prints "9.45 + 0.84". */
  private static String params(RunResult r) {
    long[] p = paramCounts(r);
    if (p[0] == 0) {
      return "";
    }
    return fmt(p[0] / 1e6, 2) + (p[1] > 0 ? " + " + fmt(p[1] / 1e6, 2) : "");
  }

  /** Mean ± std with the same decimals; the mean alone when there is no std. */
  private static String withStd(double[] s, int digits) {
    if (Double.isNaN(s[0])) {
      return "—";
    }
    return fmt(s[0], digits) + (Double.isNaN(s[1]) ? "" : " ± " + fmt(s[1], digits));
  }

  private static String fmt(double v, int digits) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + digits + "f", v);
  }

  /** Whole numbers with thousands separators from 100 up, two decimals below. */
  private static String grouped(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
  }

  private static String raw(double v) {
    return Double.isNaN(v) ? "" : String.valueOf(v);
  }

  private static List<String> raws(double[] v) {
    return List.of(raw(v[0]), raw(v[1]));
  }

  /** Markdown: the table, the training-set row under every reading of clarity, then the protocol as a footnote. */
  public String markdown() {
    return grid() + "\n" + clarityCandidates().map(c -> c.markdown() + "\n").orElse("") + footnote();
  }

  /** The table alone, in Markdown. */
  public String grid() {
    var b = new StringBuilder("| ");
    b.append(String.join(" | ", columns.stream().map(Column::header).toList())).append(" |\n");
    b.append("|").append("---|".repeat(columns.size())).append("\n");
    for (Row r : rows) {
      b.append("| ").append(String.join(" | ", columns.stream().map(c -> c.cell().apply(r)).toList())).append(" |\n");
    }
    return b.toString();
  }

  /** Every row's clarity and diff under every reading of clarity ({@code clarity.csv}). */
  public String clarityCsv() throws IOException {
    return ClarityCandidates.csv(rows);
  }

  /** CSV for tools (OpenCSV): one value per cell, numbers as plain numbers, one row per label. */
  public String csv() throws IOException {
    var out = new StringWriter();
    try (var w = new CSVWriter(out)) {
      w.writeNext(columns.stream().flatMap(c -> c.csvHeaders().stream()).toArray(String[]::new));
      for (Row r : rows) {
        w.writeNext(columns.stream().flatMap(c -> c.csv().apply(r).stream()).toArray(String[]::new));
      }
    }
    return out.toString();
  }

  /** What produced the numbers, from the stored protocols (distinct values joined). */
  public String footnote() {
    var all = rows.stream().flatMap(r -> r.runs().stream()).toList();
    var b = new StringBuilder("Protocol (table ").append(table).append("): ");
    b.append("data ").append(distinct(all, r -> r.protocol().dataset() + " (" + r.protocol().datasetSize()
        + " images " + r.protocol().imageShape() + ", sha256 " + prefix(r.protocol().datasetSha256()) + ")"));
    var models = all.stream().filter(r -> !r.label().equals(Entry.TRAINING_SET)).toList();
    b.append("; training budget ").append(distinct(models, r -> r.protocol().budget()));
    var overrides = distinct(models.stream().filter(r -> !r.hyper().isEmpty()).toList(), r -> r.label() + " " + r.hyper());
    if (!overrides.isEmpty()) {
      b.append("; hyper-parameters set by the protocol or --hp: ").append(overrides);
    }
    b.append("; ").append(distinct(all, r -> r.protocol().samples() + " generated samples")).append(" per run");
    b.append(" of the ").append(distinct(models, r -> r.protocol().checkpoint())).append(" checkpoint");
    b.append(" scored against ").append(distinct(all, r -> r.protocol().referenceSamples() + " training images"));
    b.append(" with ").append(distinct(all, r -> r.protocol().extractor() + extractorHash(r)));
    b.append("; IS over 10 splits and KID over its subsets (± population std over splits/subsets with one seed, "
        + "else ± std over seeds)");
    b.append("; FID on the extractor's features, unbiased covariance, float64");
    b.append("; precision, recall (Kynkäänniemi et al. 2019), density, coverage (Naeem et al. 2020) on the same features, ")
        .append(distinct(all.stream().filter(r -> r.evaluation() != null).toList(), r -> "k = " + r.evaluation().nearestK()))
        .append(" nearest neighbours, float64, as the prdc package");
    b.append("; modes = classes whose share among the samples' predicted labels is at least half their share in the data");
    b.append("; clarity = ").append(clarity.describe()).append(" (").append(clarity.options())
        .append("), diff = |generated − training set| under the same reading; the paper does not define its clarity: "
            + "every result stores the readings var, std, mean-abs and energy of the kernels 4, 8 and 141 "
            + "(clarity.csv; the training-set row's above), and report --clarity/--clarity-kernel shows another "
            + "without re-scoring");
    String precision = distinct(models.stream().filter(r -> r.provenance() != null).toList(), ComparisonTable::precision);
    if (!precision.isEmpty()) {
      b.append("; training precision ").append(precision);
    }
    b.append("; GFLOP = counted training compute (Conv2D, its backprops and MatMul, 2 per multiply-add), pre-training included");
    b.append("; during training: ").append(distinct(models, r -> r.protocol().duringTraining()));
    b.append("; flag: ").append(Verdict.DEFINITION);
    b.append("; seeds ").append(distinct(models, r -> String.valueOf(r.seed())));
    b.append("; code ").append(distinct(all, r -> r.protocol().codeVersion())).append(".");
    if (all.stream().anyMatch(r -> r.evaluation() != null && !r.evaluation().fidComparable())) {
      b.append(" FID from fewer than 10,000 samples is biased upwards and not comparable to the paper's values.");
    }
    return b.append("\n").toString();
  }

  /**
   * A run's training precision as its provenance stores it (fp32 where the configuration names
   * none: the default, and every run from before the option).
   */
  static String precision(RunResult r) {
    String p = r.provenance().config().getOrDefault("precision", "fp32");
    return p.equals("fp32") ? p : p + " (TensorFlow's automatic mixed precision; variables, optimizer state and "
        + "metrics fp32/fp64)";
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
