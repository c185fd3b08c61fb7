package org.gansuite.bench.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansuite.bench.protocol.PaperValues;
import org.gansuite.bench.report.HtmlReport;
import org.gansuite.bench.results.ResultStore;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.metrics.ClarityDefinition;

/** Writes a table's outputs from stored results: Markdown, CSV, time table, HTML report; each file atomically. */
public final class Outputs {

  private Outputs() {}

  /**
   * Writes {@code table.md}, {@code table.csv}, {@code clarity.csv}, {@code time.md}, {@code time.csv},
   * {@code curves.csv} and {@code report/index.html} into {@code out}; returns the report's index.html.
   *
   * @param title the table's name in the report and the footnote ({@code quick}, {@code 6} ...)
   * @param paper the published rows printed beside ours
   * @param order row labels in table order (rows of other labels follow, the training set last)
   * @param clarity the reading of clarity the table's clarity and diff columns show
   */
  public static Path write(Path out, String title, List<PaperValues.Row> paper, List<String> order,
      List<ResultStore.Stored> stored, ClarityDefinition clarity) throws IOException {
    Files.createDirectories(out);
    var results = ResultStore.results(stored);
    var table = ComparisonTable.build(title, results, paper, order, clarity);
    var times = new TimeTable(results);
    text(out.resolve("table.md"), table.markdown());
    text(out.resolve("table.csv"), table.csv());
    text(out.resolve("clarity.csv"), table.clarityCsv());
    text(out.resolve("time.md"), times.markdown());
    text(out.resolve("time.csv"), times.csv());
    text(out.resolve("curves.csv"), Curves.csv(results));
    return HtmlReport.write(out.resolve("report"), "gansuite: table " + title, table, stored);
  }

  public static void text(Path file, String content) throws IOException {
    AtomicFiles.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }
}
