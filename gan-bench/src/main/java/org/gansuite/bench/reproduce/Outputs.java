package org.gansuite.bench.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansuite.bench.report.HtmlReport;
import org.gansuite.core.io.AtomicFiles;

/** Writes a table's outputs from stored results: Markdown, CSV, time table, HTML report; each file atomically. */
public final class Outputs {

  private Outputs() {}

  /** Returns the report's index.html. */
  public static Path write(Path out, Protocol protocol, List<ResultStore.Stored> stored) throws IOException {
    Files.createDirectories(out);
    var results = ResultStore.records(stored);
    var order = protocol.entries().stream().map(Entry::label).toList();
    var table = ComparisonTable.build(protocol.table(), results, protocol.paper(), order);
    var times = new TimeTable(results);
    text(out.resolve("table.md"), table.markdown());
    text(out.resolve("table.csv"), table.csv());
    text(out.resolve("time.md"), times.markdown());
    text(out.resolve("time.csv"), times.csv());
    return HtmlReport.write(out.resolve("report"), "gansuite: table " + protocol.table(), table, stored);
  }

  public static void text(Path file, String content) throws IOException {
    AtomicFiles.write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
  }
}
