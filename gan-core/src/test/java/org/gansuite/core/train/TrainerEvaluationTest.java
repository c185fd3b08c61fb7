package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluations during training, the best checkpoint, time on log lines, and progress lines. */
class TrainerEvaluationTest {

  private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
  /** 160 images in batches of 16: 10 iterations per epoch, one batch per iteration. */
  private static final InMemoryDataset DATA = TinyDatasets.gradients(160, SHAPE, 7);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FLOPS = TrainerBudgetTest.ITERATION;

  @TempDir Path tmp;

  /** Returns the scripted FIDs in call order (and a KID of fid / 100), keeping what it was given. */
  static final class ScriptedEvaluator implements PeriodicEvaluator {
    private final double[] fids;
    final List<byte[]> seen = new ArrayList<>();

    ScriptedEvaluator(double... fids) {
      this.fids = fids;
    }

    @Override
    public int samples() {
      return 40;
    }

    @Override
    public Map<String, Double> score(byte[] pixels, int count) {
      assertEquals(40, count);
      assertEquals(40 * SHAPE.pixels(), pixels.length);
      double fid = fids[seen.size()];
      seen.add(pixels.clone());
      return Map.of("fid", fid, "kid", fid / 100);
    }
  }

  private static ModelSpec spec() {
    var m = new TinyGan();
    return new ModelSpec(m.name(), SHAPE, 8, 16, 42, m.defaults());
  }

  private static TrainConfig.Builder config(Path dir) {
    return TrainConfig.builder(dir).setEpochs(2).optThreads(1, 1).optProgress(false).optLogEvery(1)
        .optSampleEvery(0).optCheckpointEvery(4).optKeepCheckpoints(10);
  }

  private static List<JsonNode> lines(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("log.jsonl"))) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<JsonNode> evalLines(Path dir) throws IOException {
    return lines(dir).stream().filter(n -> n.has("eval_fid")).toList();
  }

  /** Iteration -> "d/loss g/loss" as logged (the last line per iteration wins). */
  private static Map<Long, String> losses(Path dir) throws IOException {
    Map<Long, String> out = new TreeMap<>();
    for (JsonNode n : lines(dir)) {
      if (n.has("d/loss")) {
        out.put(n.get("iteration").asLong(), n.get("d/loss").asText() + " " + n.get("g/loss").asText());
      }
    }
    return out;
  }

  private static String name(long iteration) {
    return String.format("ckpt-%010d", iteration);
  }

  private static List<Path> best(Path dir) throws IOException {
    return new Checkpoints(dir.resolve(Evaluations.BEST_DIR), 1).list();
  }

  @Test
  void evaluatesAtZeroEveryNAndTheEndAndKeepsTheLowestFid() throws IOException {
    Path dir = tmp.resolve("eval");
    var evaluator = new ScriptedEvaluator(50, 30, 40, 35, 45);
    var r = new Trainer(new TinyGan(), spec(), DATA, config(dir).optEvaluation(evaluator, 6).build()).train();
    assertEquals(20, r.iterations());
    long[] at = {0, 6, 12, 18, 20};
    assertEquals(at.length, r.evaluations().size());
    var logged = evalLines(dir);
    assertEquals(at.length, logged.size());
    double lastSeconds = -1;
    for (int i = 0; i < at.length; i++) {
      var e = r.evaluations().get(i);
      assertEquals(at[i], e.iteration());
      assertEquals(at[i] * 16, e.images());
      assertEquals(at[i] * FLOPS / 1e9, e.gflop(), 1e-15);
      assertEquals(Map.of("fid", evaluator.fids[i], "kid", evaluator.fids[i] / 100), e.values());
      assertTrue(e.seconds() >= lastSeconds && (i > 0 || e.seconds() == 0), "seconds " + e.seconds());
      lastSeconds = e.seconds();
      JsonNode n = logged.get(i);
      assertEquals(at[i], n.get("iteration").asLong());
      assertEquals(at[i] * 16, n.get("images").asLong());
      assertEquals(e.gflop(), n.get("gflop").asDouble(), 0);
      assertEquals(e.seconds(), n.get("seconds").asDouble(), 0);
      assertEquals(evaluator.fids[i], n.get("eval_fid").asDouble(), 0);
      assertEquals(evaluator.fids[i] / 100, n.get("eval_kid").asDouble(), 0);
      assertFalse(n.has("fid") || n.has("d/loss"), n.toString());
    }
    // The same evaluation z every time: the untrained and the trained generator differ on it.
    assertFalse(java.util.Arrays.equals(evaluator.seen.get(0), evaluator.seen.get(4)));
    // Lowest FID 30 at iteration 6: the only best checkpoint, its state holding the FID.
    assertEquals(List.of(dir.resolve(Evaluations.BEST_DIR).resolve(name(6))), best(dir));
    assertEquals(best(dir).get(0), r.bestCheckpoint().orElseThrow());
    var bestState = Checkpoints.readState(best(dir).get(0));
    assertEquals(30.0, bestState.bestFid());
    assertEquals(6, bestState.iteration());
    var finalState = Checkpoints.readState(r.lastCheckpoint().orElseThrow());
    assertEquals(30.0, finalState.bestFid());
    assertEquals(r.evaluations(), finalState.evaluations());
    assertEquals(r.trainingSeconds(), finalState.seconds(), 0);
  }

  @Test
  void pointsSpreadTheEvaluationsEvenlyOverTheRun() throws IOException {
    // 20 iterations, 3 points: every ceil(20 / 3) = 7 iterations, plus 0 and the end.
    var r = new Trainer(new TinyGan(), spec(), DATA,
        config(tmp.resolve("points")).optEvaluationPoints(new ScriptedEvaluator(50, 40, 30, 20, 10), 3).build()).train();
    assertEquals(List.of(0L, 7L, 14L, 20L), r.evaluations().stream().map(Evaluation::iteration).toList());
  }

  @Test
  void evaluationSamplesAreTheSamplersOnTheEvaluationZ() throws IOException {
    Path dir = tmp.resolve("z");
    var evaluator = new ScriptedEvaluator(1, 2);
    var cfg = config(dir).optMaxIterations(3).optEvaluation(evaluator, 0).build();
    var r = new Trainer(new TinyGan(), spec(), DATA, cfg).train();
    assertEquals(2, evaluator.seen.size());
    try (var sampler = new Sampler(new TinyGan(), spec(), DATA, cfg, r.lastCheckpoint().orElseThrow())) {
      assertArrayEquals(sampler.sample(40, Randomness.evaluationSeed(42), 16), evaluator.seen.get(1));
      assertFalse(java.util.Arrays.equals(sampler.sample(40, 42, 16), evaluator.seen.get(1)));
    }
  }

  @Test
  void bestFidIsReadBackOnResume() throws IOException {
    Path dir = tmp.resolve("resume");
    var first = new Trainer(new TinyGan(), spec(), DATA,
        config(dir).optMaxIterations(13).optEvaluation(new ScriptedEvaluator(50, 30, 40, 60), 6).build()).train();
    assertEquals(13, first.iterations());
    assertEquals(List.of(0L, 6L, 12L, 13L), first.evaluations().stream().map(Evaluation::iteration).toList());
    // 35 and 33 beat every FID but the stored best 30: the best stays at iteration 6.
    var second = new Trainer(new TinyGan(), spec(), DATA,
        config(dir).optEvaluation(new ScriptedEvaluator(35, 33), 6).build()).train();
    assertEquals(20, second.iterations());
    assertEquals(List.of(0L, 6L, 12L, 13L, 18L, 20L), second.evaluations().stream().map(Evaluation::iteration).toList());
    assertEquals(dir.resolve(Evaluations.BEST_DIR).resolve(name(6)), second.bestCheckpoint().orElseThrow());
    assertEquals(1, best(dir).size());
    // A third call has nothing left to train: no evaluation (the script is empty), the same record.
    var third = new Trainer(new TinyGan(), spec(), DATA,
        config(dir).optEvaluation(new ScriptedEvaluator(), 6).build()).train();
    assertEquals(second.evaluations(), third.evaluations());
    assertEquals(second.bestCheckpoint(), third.bestCheckpoint());
    assertEquals(second.trainingSeconds(), third.trainingSeconds(), 0);
    assertTrue(second.trainingSeconds() > first.trainingSeconds());
  }

  @Test
  void evaluationLeavesTheLossesAndWeightsBitIdentical() throws IOException {
    Path plain = tmp.resolve("plain");
    var a = new Trainer(new TinyGan(), spec(), DATA, config(plain).build()).train();
    Path evaluated = tmp.resolve("evaluated");
    var b = new Trainer(new TinyGan(), spec(), DATA,
        config(evaluated).optEvaluation(new ScriptedEvaluator(9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5, 0.25, 0.1), 2).build())
        .train();
    assertEquals(11, b.evaluations().size());
    Map<Long, String> la = losses(plain);
    assertEquals(20, la.size());
    assertEquals(la, losses(evaluated));
    assertEquals(Checkpoints.contentHash(a.lastCheckpoint().orElseThrow()),
        Checkpoints.contentHash(b.lastCheckpoint().orElseThrow()));
    assertTrue(a.bestCheckpoint().isEmpty() && a.evaluations().isEmpty());
  }

  @Test
  void everyLogLineCarriesItsWallClockTime() throws IOException {
    Path dir = tmp.resolve("time");
    Instant before = Instant.now();
    new Trainer(new TinyGan(), spec(), DATA, config(dir).optMaxIterations(5).optEvaluation(new ScriptedEvaluator(3, 2), 0)
        .build()).train();
    Instant after = Instant.now();
    var all = lines(dir);
    assertEquals(5 + 2, all.size());
    for (JsonNode n : all) {
      assertEquals("time", n.fieldNames().next(), "time comes first");
      Instant t = Instant.parse(n.get("time").asText());
      assertFalse(t.isBefore(before.minusMillis(1)) || t.isAfter(after.plusMillis(1)), t.toString());
    }
  }

  @Test
  void linesModePrintsALineAtEveryTenthWithoutCarriageReturns() throws IOException {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    var r = new Trainer(new TinyGan(), spec(), DATA, config(tmp.resolve("lines")).optProgress(Progress.LINES).build())
        .progressTo(out).train();
    assertEquals(20, r.iterations());
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertFalse(text.contains("\r"));
    var printed = text.lines().toList();
    assertEquals(10, printed.size(), text);
    for (int i = 0; i < 10; i++) {
      String expected = "tiny-gan: iteration " + 2 * (i + 1) + "/20 (" + 10 * (i + 1) + "%), ";
      assertTrue(printed.get(i).startsWith(expected), printed.get(i));
      assertTrue(printed.get(i).matches(".* it/s, \\d+ images/s, (eta|done in) \\d+ (s|min)"), printed.get(i));
    }
    assertTrue(printed.get(9).contains("done in"), printed.get(9));
    // NONE prints nothing.
    var quiet = new ByteArrayOutputStream();
    new Trainer(new TinyGan(), spec(), DATA, config(tmp.resolve("quiet")).optMaxIterations(3).optProgress(Progress.NONE).build())
        .progressTo(new PrintStream(quiet, true, StandardCharsets.UTF_8)).train();
    assertEquals(0, quiet.size());
    assertNotEquals(Progress.AUTO, Progress.AUTO.resolve());
  }
}
