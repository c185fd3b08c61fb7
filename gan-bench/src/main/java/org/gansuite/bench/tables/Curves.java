package org.gansuite.bench.tables;

import com.opencsv.CSVWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.gansuite.bench.results.RunResult;

/**
 * {@code curves.csv}: the evaluations during training of every run, tidy (one line per run and
 * evaluation: model, seed, iteration, images, gflop, seconds, fid, kid), for plotting FID against
 * compute or time.
 */
public final class Curves {

  static final String[] HEADER = {"model", "seed", "iteration", "images", "gflop", "seconds", "fid", "kid"};

  private Curves() {}

  public static String csv(List<RunResult> results) throws IOException {
    var out = new StringWriter();
    try (var w = new CSVWriter(out)) {
      w.writeNext(HEADER);
      for (RunResult r : results) {
        if (r.training() == null) {
          continue;
        }
        for (var p : r.training().curve()) {
          w.writeNext(new String[] {r.label(), String.valueOf(r.seed()), String.valueOf(p.iteration()),
              String.valueOf(p.images()), String.valueOf(p.gflop()), String.valueOf(p.seconds()), num(p.value("fid")),
              num(p.value("kid"))});
        }
      }
    }
    return out.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.valueOf(v);
  }
}
