package org.gansuite.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.bench.results.ResultStore;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.TrainingCost;
import org.gansuite.bench.tables.ComparisonTable;
import org.gansuite.bench.tables.Outputs;
import org.gansuite.bench.tables.TimeTable;
import org.gansuite.metrics.EvaluationResult;

/**
 * An offline HTML report ({@code index.html} plus PNGs in one folder): the comparison table and its
 * protocol, bar charts of FID, KID, IS and clarity (one colour per model in every chart), FID
 * against training compute and time for all models, and per run, in the table's order, its sample
 * grid at native size and its loss curves; the training-set row shows a grid of real images.
 * Everything is made from the stored runs.
 */
public final class HtmlReport {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The file in a run folder holding the grid of the scored images. */
  public static final String GRID = "samples-final.png";

  private HtmlReport() {}

  public static Path write(Path out, String title, ComparisonTable table, List<ResultStore.Stored> runs)
      throws IOException {
    Files.createDirectories(out.resolve("img"));
    var rows = table.rows();
    var palette = Charts.Palette.of(rows.stream().map(ComparisonTable.Row::label).toList());
    var models = rows.stream().filter(r -> !r.label().equals(Entry.TRAINING_SET)).toList();
    var labels = models.stream().map(ComparisonTable.Row::label).toList();
    var trainingSet = rows.stream().filter(r -> r.label().equals(Entry.TRAINING_SET)).findFirst();

    bars(out, "fid", "FID (lower is better)", "FID", models, r -> r.stat(EvaluationResult::fid), null, palette);
    bars(out, "kid", "KID ×10^3 (lower is better)", "KID ×10^3", models, ComparisonTable.Row::kidPerMille, null, palette);
    bars(out, "is", "Inception Score (higher is better; error bars: std)", "IS", models, ComparisonTable.Row::inceptionScore,
        trainingSet.map(t -> t.mean(EvaluationResult::isMean)).orElse(null), palette);
    var clarity = table.clarity();
    bars(out, "clarity", "Clarity (" + clarity + "): the Laplacian response's " + clarity.statistic().key()
        + ", mean over images", "clarity", models, r -> r.stat(e -> e.clarity(clarity).generated().mean()),
        trainingSet.map(t -> t.mean(e -> e.clarity(clarity).generated().mean())).orElse(null), palette);
    boolean curves = curve(out, "fid-gflop", "FID during training against compute", "training GFLOP (pre-training included)",
        runs, TrainingCost.CurvePoint::gflop, labels, palette);
    curve(out, "fid-seconds", "FID during training against time", "training seconds (pre-training included)",
        runs, TrainingCost.CurvePoint::seconds, labels, palette);

    var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title><style>body{font-family:sans-serif;margin:2em;max-width:1500px}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
            + "td:first-child{text-align:left}img{margin:4px;border:1px solid #eee;image-rendering:pixelated}"
            + "figure{display:inline-block;margin:4px;vertical-align:top}figcaption{font-size:small;color:#444}"
            + "</style></head><body><h1>").append(esc(title)).append("</h1>");
    html.append(markdownTableToHtml(table.grid()));
    table.clarityCandidates().ifPresent(c -> html.append("<p>").append(esc(c.intro())).append("</p>")
        .append(markdownTableToHtml(c.grid())).append("<p>").append(esc(c.nearest())).append("</p>"));
    html.append("<p><small>").append(esc(table.footnote())).append("</small></p>");
    html.append("<h2>Metrics</h2><img src=\"img/fid.png\"><img src=\"img/kid.png\"><img src=\"img/is.png\">"
        + "<img src=\"img/clarity.png\">");
    if (curves) {
      html.append("<h2>Convergence</h2><p>FID of a small sample at each evaluation during training "
          + "(curves.csv holds the numbers).</p><img src=\"img/fid-gflop.png\"><img src=\"img/fid-seconds.png\">");
    }
    var times = new TimeTable(runs.stream().map(ResultStore.Stored::result).toList());
    html.append("<h2>Training time (the paper's Table 4)</h2>").append(markdownTableToHtml(times.markdown()))
        .append("<p><small>").append(esc(times.note())).append("</small></p>");
    html.append("<h2>Runs</h2>");
    for (var row : rows) {
      for (var s : runs.stream().filter(s -> s.result().label().equals(row.label())).toList()) {
        run(out, html, s);
      }
    }
    html.append("</body></html>\n");
    Path index = out.resolve("index.html");
    Outputs.text(index, html.toString());
    return index;
  }

  private static void run(Path out, StringBuilder html, ResultStore.Stored s) throws IOException {
    var r = s.result();
    String id = (r.label() + "-seed-" + r.seed()).replaceAll("[^A-Za-z0-9.-]", "_");
    boolean real = r.label().equals(Entry.TRAINING_SET);
    html.append("<h3>").append(esc(r.label())).append(real ? "" : ", seed " + r.seed()).append(": ")
        .append(esc(r.status().toString())).append("</h3>");
    if (!r.completed()) {
      html.append("<p>").append(esc(r.failure())).append("</p>");
    }
    Path grid = s.dir().resolve(GRID);
    if (Files.isRegularFile(grid)) {
      Files.copy(grid, out.resolve("img/" + id + "-samples.png"), StandardCopyOption.REPLACE_EXISTING);
      String caption = real ? "training images (the reference the rows are scored against)"
          : "samples of the scored checkpoint" + (r.training() == null ? "" : ", iteration " + r.training().iterations());
      html.append("<figure><img src=\"img/").append(id).append("-samples.png\"><figcaption>").append(esc(caption))
          .append("</figcaption></figure>");
    }
    var losses = lossCurves(s.dir().resolve("log.jsonl"));
    if (!losses.isEmpty()) {
      Charts.lines(out.resolve("img/" + id + "-losses.png"), r.label() + ": losses", "iteration", "loss", losses, false);
      html.append("<figure><img src=\"img/").append(id).append("-losses.png\"></figure>");
    }
  }

  /** A bar per model with its error (std) and an optional reference line (the training set's value). */
  private static void bars(Path out, String name, String title, String yLabel, List<ComparisonTable.Row> rows,
      java.util.function.Function<ComparisonTable.Row, double[]> stat, Double reference, Charts.Palette palette)
      throws IOException {
    List<Double> values = new ArrayList<>();
    List<Double> errors = new ArrayList<>();
    for (var r : rows) {
      double[] s = stat.apply(r);
      values.add(s[0]);
      errors.add(s[1]);
    }
    Charts.bars(out.resolve("img/" + name + ".png"), title, yLabel, rows.stream().map(ComparisonTable.Row::label).toList(),
        values, errors, reference, reference == null ? null : "training set", palette);
  }

  /** FID against {@code x} for every run with evaluations during training; false when there are none. */
  private static boolean curve(Path out, String name, String title, String xLabel, List<ResultStore.Stored> runs,
      ToDoubleFunction<TrainingCost.CurvePoint> x, List<String> order, Charts.Palette palette) throws IOException {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (String label : order) {
      for (var s : runs) {
        RunResult r = s.result();
        if (r.label().equals(label) && r.training() != null && !r.training().curve().isEmpty()) {
          String key = label + (runs.stream().filter(o -> o.result().label().equals(label)).count() > 1 ? " seed " + r.seed() : "");
          series.put(key, r.training().curve().stream().map(p -> new double[] {x.applyAsDouble(p), p.value("fid")}).toList());
        }
      }
    }
    if (series.isEmpty()) {
      return false;
    }
    Charts.lines(out.resolve("img/" + name + ".png"), title, xLabel, "FID", series, false, palette);
    return true;
  }

  /** Every logged scalar ending in "loss", by iteration; the last line per iteration wins. */
  static Map<String, List<double[]>> lossCurves(Path log) throws IOException {
    Map<String, Map<Long, Double>> byKey = new LinkedHashMap<>();
    if (!Files.isRegularFile(log)) {
      return Map.of();
    }
    for (String line : Files.readAllLines(log)) {
      JsonNode n = JSON.readTree(line);
      long it = n.get("iteration").asLong();
      for (Iterator<String> k = n.fieldNames(); k.hasNext(); ) {
        String key = k.next();
        if (key.endsWith("loss")) {
          byKey.computeIfAbsent(key, x -> new TreeMap<>()).put(it, n.get(key).asDouble());
        }
      }
    }
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    byKey.forEach((k, m) -> out.put(k, m.entrySet().stream().map(e -> new double[] {e.getKey(), e.getValue()}).toList()));
    return out;
  }

  private static String markdownTableToHtml(String md) {
    var b = new StringBuilder("<table>");
    boolean header = true;
    for (String line : md.split("\n")) {
      if (!line.startsWith("|") || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.substring(1, line.length() - 1).split("\\|");
      b.append("<tr>");
      for (String c : cells) {
        b.append(header ? "<th>" : "<td>").append(esc(c.trim())).append(header ? "</th>" : "</td>");
      }
      b.append("</tr>");
      header = false;
    }
    return b.append("</table>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
