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
import org.gansuite.bench.results.ResultStore;
import org.gansuite.bench.tables.ComparisonTable;
import org.gansuite.bench.tables.Outputs;
import org.gansuite.metrics.EvaluationResult;

/**
 * An offline HTML report ({@code index.html} plus PNGs in one folder): the comparison table and its
 * protocol, bar charts of FID, IS and clarity, and per row a sample grid and loss curves, all
 * images made by the suite from the stored runs.
 */
public final class HtmlReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  public static Path write(Path out, String title, ComparisonTable table, List<ResultStore.Stored> runs)
      throws IOException {
    Files.createDirectories(out.resolve("img"));
    var labels = new ArrayList<String>();
    var fid = new ArrayList<Double>();
    var is = new ArrayList<Double>();
    var clarity = new ArrayList<Double>();
    for (var row : table.rows()) {
      labels.add(row.label());
      fid.add(row.mean(EvaluationResult::fid));
      is.add(row.mean(EvaluationResult::isMean));
      clarity.add(row.mean(e -> e.clarity().mean()));
    }
    Charts.bars(out.resolve("img/fid.png"), "FID (lower is better)", labels, fid);
    Charts.bars(out.resolve("img/is.png"), "Inception Score (higher is better)", labels, is);
    Charts.bars(out.resolve("img/clarity.png"), "Clarity: mean variance of the Laplacian", labels, clarity);

    var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:"
            + "collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}"
            + "img{margin:4px;border:1px solid #eee}</style></head><body><h1>").append(esc(title)).append("</h1>");
    html.append(markdownTableToHtml(table.markdown()));
    html.append("<p><small>").append(esc(table.footnote())).append("</small></p>");
    html.append("<h2>Metrics</h2><img src=\"img/fid.png\"><img src=\"img/is.png\"><img src=\"img/clarity.png\">");
    html.append("<h2>Runs</h2>");
    for (var s : runs) {
      var r = s.result();
      String id = (r.label() + "-seed-" + r.seed()).replaceAll("[^A-Za-z0-9.-]", "_");
      html.append("<h3>").append(esc(r.label())).append(", seed ").append(r.seed()).append(": ")
          .append(esc(r.status().toString())).append("</h3>");
      if (!r.completed()) {
        html.append("<p>").append(esc(r.failure())).append("</p>");
      }
      Path grid = s.dir().resolve("samples-final.png");
      if (Files.isRegularFile(grid)) {
        Files.copy(grid, out.resolve("img/" + id + "-samples.png"), StandardCopyOption.REPLACE_EXISTING);
        html.append("<img src=\"img/").append(id).append("-samples.png\" width=\"256\">");
      }
      var curves = lossCurves(s.dir().resolve("log.jsonl"));
      if (!curves.isEmpty()) {
        Charts.lines(out.resolve("img/" + id + "-losses.png"), r.label() + ": losses", "iteration", curves);
        html.append("<img src=\"img/").append(id).append("-losses.png\">");
      }
    }
    html.append("</body></html>\n");
    Path index = out.resolve("index.html");
    Outputs.text(index, html.toString());
    return index;
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
          byKey.computeIfAbsent(key, x -> new java.util.TreeMap<>()).put(it, n.get(key).asDouble());
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
