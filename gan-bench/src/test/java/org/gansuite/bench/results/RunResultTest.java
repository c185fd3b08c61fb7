package org.gansuite.bench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.ClarityScore;
import org.gansuite.metrics.EvaluationResult;
import org.gansuite.metrics.GreyConversion;
import org.gansuite.metrics.Protocol;
import org.gansuite.metrics.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** result.json is a typed record bound with Jackson: it round-trips, and a misspelt key is refused. */
public class RunResultTest {

  @TempDir Path tmp;

  public static RunResult sample() {
    var metrics = new Protocol("x", "ab".repeat(32), "pool", 40, 64, "tiny", "cd".repeat(32), "train", 10, 777, 0, 0, 40, 64,
        GreyConversion.values()[0], "/CPU:0", Map.of("accuracy", 0.91));
    var ev = new EvaluationResult(12.5, false, Double.NaN, Double.NaN, 1.5, 0.25, clarity(), 0.75, 0.5, 0.875, 0.625, 5,
        -1, 40, metrics, List.of("few samples"));
    var cost = new TrainingCost(100, 0.5, 6400, 12.0, 533.3, 24.0, 0.01, Map.of("d_loss", 1.25, "g_loss", 0.75), 840.5,
        40.5, 3.0, List.of(new TrainingCost.CurvePoint(0, 0, 40.5, 3.0, Map.of("fid", 80.0, "kid", 0.07)),
            new TrainingCost.CurvePoint(100, 6400, 840.5, 15.0, Map.of("fid", 30.0, "kid", 0.02))));
    var p = new RunProtocol("quick", "JS", "tiny", 96, "ef".repeat(32), "8x8x3", 1, 6400, 0, 64, 40, 64, "x", "final",
        "FID/KID of 32 samples at iteration 0, about 10 evenly spread points and the end", "v1");
    return new RunResult(RunResult.FORMAT, "quick", "DCGAN", "dcgan", Map.of("lr", "0.0002"), 3,
        RunResult.Status.COMPLETED, "", Map.of("generator", 10L, "discriminator", 20L), cost, ev, p, null);
  }

  /**
   * Clarity under every reading: the default (var, kernel 4) at mean 100 against a reference mean of 104, the
   * i-th reading of ClarityDefinition.ALL at 100 + i against 104 + 2 i.
   */
  public static List<ClarityScore> clarity() {
    List<ClarityScore> all = new java.util.ArrayList<>();
    for (int i = 0; i < ClarityDefinition.ALL.size(); i++) {
      all.add(new ClarityScore(ClarityDefinition.ALL.get(i), new Summary(40, 100.0 + i, 3.0, 90.0, 110.0 + i), 104.0 + 2 * i));
    }
    return all;
  }

  @Test
  void roundTripsWithSnakeCaseKeysAndNaN() throws Exception {
    Path f = tmp.resolve("result.json");
    sample().write(f);
    String text = Files.readString(f);
    assertTrue(text.contains("\"is_mean\" : 1.5"), text);
    assertTrue(text.contains("\"kid\" : \"NaN\""), text);
    assertTrue(text.contains("\"status\" : \"completed\""), text);
    assertTrue(text.contains("\"nearest_k\" : 5") && text.contains("\"mode_coverage\" : -1"), text);
    assertTrue(text.contains("\"statistic\" : \"MEAN_ABS\",\n") && text.contains("\"kernel\" : \"ONE_FOUR_ONE\"\n")
        && text.contains("\"reference_mean\" : 126.0"), text);
    var back = RunResult.read(f);
    assertEquals(sample(), back);
    assertTrue(Double.isNaN(back.evaluation().kid()));
    assertEquals(0.91, back.evaluation().protocol().extractorProvenance().get("accuracy"));
  }

  @Test
  void misspeltKeysAndOtherFormatsAreRefusedNamingTheFile() throws Exception {
    Path f = tmp.resolve("result.json");
    sample().write(f);
    Files.writeString(f, Files.readString(f).replace("\"is_mean\"", "\"is_maen\""));
    var e = assertThrows(DataFormatException.class, () -> RunResult.read(f));
    assertTrue(e.getMessage().startsWith(f + ": not a readable result"), e.getMessage());
    assertTrue(e.getMessage().contains("is_mean"), e.getMessage());
    Files.writeString(f, "{\"format\": 1, \"table\": \"quick\"}");
    var old = assertThrows(DataFormatException.class, () -> RunResult.read(f));
    assertTrue(old.getMessage().startsWith(f + ": result format 1, this gansuite reads format " + RunResult.FORMAT), old.getMessage());
  }

  @Test
  void aCompletedRunNeedsItsEvaluation() {
    var s = sample();
    assertThrows(IllegalArgumentException.class, () -> new RunResult(s.format(), s.table(), s.label(), s.model(), s.hyper(),
        s.seed(), RunResult.Status.COMPLETED, "", s.parameters(), s.training(), null, s.protocol(), null));
  }
}
