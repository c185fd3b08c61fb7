package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.NoPreparation;
import org.gansuite.core.model.Preparation;
import org.gansuite.core.model.PreparationCost;
import org.gansuite.core.model.PrepareContext;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLOPs of an iteration, the FLOP budget as an iteration count, and the preparation's share of it. */
class TrainerBudgetTest {

  private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
  /** 160 images in batches of 16: 10 iterations per epoch. */
  private static final InMemoryDataset DATA = TinyDatasets.gradients(160, SHAPE, 7);
  private static final int B = 16;

  /**
   * TinyGan, B = 16 rows, pixels 16, z 8, hidden 32; a dense layer in -> out costs 2·in·out FLOPs
   * per row for its forward MatMul and as much for each gradient MatMul (weights, input).
   * d step: forward G (8·32 + 32·16 = 768), D on real and on fake (2 × (16·32 + 32·1) = 1088);
   * backward through D for its weights, twice: dW2 32 + dh 32 + dW1 512 = 576, × 2 = 1152;
   * no gradient into G or the inputs. Sum 3008.
   * g step: forward G (768) and D on fake (544); backward through D to its input
   * (dh 32 + dx 512 = 544, no weight gradients) and through G for its weights
   * (dW2 512 + dh 512 + dW1 256 = 1280). Sum 3136.
   */
  static final long D_STEP = 2L * B * 3008;
  static final long G_STEP = 2L * B * 3136;
  static final long ITERATION = D_STEP + G_STEP;

  @TempDir Path tmp;

  private static ModelSpec spec(Map<String, String> hp) {
    var m = new TinyGan();
    return new ModelSpec(m.name(), SHAPE, 8, B, 42, m.defaults().with(hp));
  }

  private static TrainConfig.Builder config(Path dir) {
    return TrainConfig.builder(dir).setEpochs(2).optThreads(1, 1).optProgress(false).optLogEvery(5)
        .optSampleEvery(0).optCheckpointEvery(0);
  }

  @Test
  void flopsOfAnIterationMatchTheHandCountForEveryPhaseAndStep() throws IOException {
    var one = new Trainer(new TinyGan(), spec(Map.of()), DATA, config(tmp.resolve("one")).optMaxIterations(2).build()).train();
    assertEquals(196_608L, ITERATION);
    assertEquals(ITERATION, one.flopsPerIteration());
    assertEquals(2 * ITERATION, one.trainingFlops());
    assertEquals(PreparationCost.NONE, one.preparation());
    assertEquals(2 * ITERATION, one.totalFlops());
    // Two critic steps per iteration: the d step counts twice.
    var two = new Trainer(new TinyGan(), spec(Map.of("d_steps", "2")), DATA,
        config(tmp.resolve("two")).optMaxIterations(1).build()).train();
    assertEquals(2 * D_STEP + G_STEP, two.flopsPerIteration());
  }

  @Test
  void budgetBecomesTheWholeNumberOfIterationsItPaysFor() throws IOException {
    var r = new Trainer(new TinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("budget")).optMaxFlops(7 * ITERATION - 1).build()).train();
    assertEquals(6, r.iterations());
    assertEquals(6 * ITERATION, r.trainingFlops());
    assertEquals(6L * B, r.trainingImages());
    var exact = new Trainer(new TinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("exact")).optMaxFlops(7 * ITERATION).build()).train();
    assertEquals(7, exact.iterations());
    // Less than one iteration still trains one; a budget beyond the epochs leaves them in charge.
    var tiny = new Trainer(new TinyGan(), spec(Map.of()), DATA, config(tmp.resolve("tiny")).optMaxFlops(1).build()).train();
    assertEquals(1, tiny.iterations());
    var large = new Trainer(new TinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("large")).optMaxFlops(1000 * ITERATION).build()).train();
    assertEquals(20, large.iterations());
  }

  @Test
  void resumeKeepsTheStoredCountAndTheIterationsTheBudgetGave() throws IOException {
    Path dir = tmp.resolve("resume");
    var cfg = config(dir).optMaxFlops(9 * ITERATION + 5).optCheckpointEvery(4);
    var first = new Trainer(new TinyGan(), spec(Map.of()), DATA, cfg.optMaxIterations(5).build()).train();
    assertEquals(5, first.iterations());
    var state = Checkpoints.readState(first.lastCheckpoint().orElseThrow());
    assertEquals(ITERATION, state.flopsPerIteration());
    var second = new Trainer(new TinyGan(), spec(Map.of()), DATA, cfg.optMaxIterations(0).build()).train();
    assertEquals(9, second.iterations());
    assertEquals(9 * ITERATION, second.trainingFlops());
    assertEquals(4L * B, second.imagesSeen(), "this call drew the batches of iterations 6 to 9 (the g step reuses the d step's)");
  }

  /** TinyGan with a preparation that claims a cost, as the proposed model's auto-encoder pre-training does. */
  static final class CostlyTinyGan extends TinyGan {
    static final PreparationCost COST = new PreparationCost(3 * ITERATION, 999, 1.5);

    @Override
    public Preparation<NoPreparation> prepare(ModelSpec spec, PrepareContext ctx) {
      return Preparation.of(Map.of(), NoPreparation.NOTHING, COST);
    }
  }

  @Test
  void preparationFlopsAreSpentFirstAndReportedApart() throws IOException {
    var r = new Trainer(new CostlyTinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("prep")).optMaxFlops(8 * ITERATION + ITERATION / 2).build()).train();
    assertEquals(5, r.iterations());
    assertEquals(CostlyTinyGan.COST, r.preparation());
    assertEquals(5 * ITERATION, r.trainingFlops());
    assertEquals(8 * ITERATION, r.totalFlops());
    assertEquals(new PreparationCost(5 * ITERATION, 5L * B, r.trainingSeconds()), r.trainingCost());
    // A preparation that spends the whole budget leaves one iteration.
    var over = new Trainer(new CostlyTinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("over")).optMaxFlops(2 * ITERATION).build()).train();
    assertEquals(1, over.iterations());
  }

  /** The image budget counts the preparation's images (999) first. */
  @Test
  void preparationImagesAreSpentFirst() throws IOException {
    // 999 + 5 * 16 = 1079 <= 1090 < 999 + 6 * 16 = 1095: five iterations.
    var r = new Trainer(new CostlyTinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("images")).optMaxImages(1090).build()).train();
    assertEquals(5, r.iterations());
    var plain = new Trainer(new TinyGan(), spec(Map.of()), DATA,
        config(tmp.resolve("plain")).optMaxImages(1090).build()).train();
    assertEquals(20, plain.iterations(), "without a preparation the two epochs (20 iterations) decide");
  }
}
