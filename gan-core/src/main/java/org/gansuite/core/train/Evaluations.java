package org.gansuite.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.LongFunction;
import org.tensorflow.Session;

/**
 * The evaluations of one run: draws the evaluation samples, scores them with the
 * {@link PeriodicEvaluator}, logs each as a {@code log.jsonl} line and {@code eval/<key>}
 * TensorBoard scalars, and keeps the checkpoint of the lowest FID under {@code checkpoints-best/}
 * (one kept, its state holding that FID). The samples run the generator in inference mode on a
 * z of their own, so evaluating changes neither the weights nor any training draw.
 */
final class Evaluations {

  static final String BEST_DIR = "checkpoints-best";
  private static final String FID = "fid";

  private final Optional<PeriodicEvaluator> evaluator;
  private final long every;
  private final int points;
  private final Checkpoints best;
  private final List<Evaluation> done = new ArrayList<>();
  private Double bestFid;
  private Optional<Path> bestCheckpoint = Optional.empty();

  Evaluations(TrainConfig cfg) {
    this.evaluator = cfg.evaluator();
    this.every = cfg.evaluateEvery();
    this.points = cfg.evaluatePoints();
    this.best = new Checkpoints(cfg.runDir().resolve(BEST_DIR), 1);
  }

  /**
   * Takes up where a run stands: the evaluations of the checkpoint it resumes from, and the best
   * checkpoint if it belongs to this run (an equal configuration).
   */
  void resume(CheckpointState resumed, SortedMap<String, String> identity) throws IOException {
    if (resumed != null) {
      done.addAll(resumed.evaluations());
    }
    Optional<Path> b = best.latest();
    if (b.isPresent()) {
      CheckpointState s = Checkpoints.readState(b.get());
      if (s.bestFid() != null && Checkpoints.differences(s.config(), identity).isEmpty()) {
        bestFid = s.bestFid();
        bestCheckpoint = b;
      }
    }
  }

  boolean enabled() {
    return evaluator.isPresent();
  }

  /** Whether an evaluation is due after iteration {@code iteration} of {@code total}. */
  boolean due(long iteration, long total) {
    long step = every > 0 ? every : points > 0 ? Math.max(1, (total + points - 1) / points) : 0;
    return evaluator.isPresent() && ((step > 0 && iteration % step == 0) || iteration == total);
  }

  /**
   * Scores samples drawn by {@code steps} and records them at the given position; {@code state}
   * gives the checkpoint state to keep if this is the lowest FID so far (its {@code bestFid} set).
   */
  void evaluate(StepRunner steps, Session session, long iteration, long images, double gflop, double seconds,
      RunLog log, TensorBoardWriter board, LongFunction<CheckpointState> state) throws IOException {
    PeriodicEvaluator e = evaluator.orElseThrow();
    int count = e.samples();
    byte[] pixels = steps.evaluationSamples(count);
    Map<String, Double> values = e.score(pixels, count);
    var evaluation = new Evaluation(iteration, images, gflop, seconds, values);
    done.add(evaluation);
    var line = new LinkedHashMap<String, Object>();
    line.put("iteration", iteration);
    line.put("images", images);
    line.put("gflop", gflop);
    line.put("seconds", seconds);
    evaluation.values().forEach((k, v) -> line.put("eval_" + k, v));
    log.write(line);
    evaluation.values().forEach((k, v) -> board.scalar("eval/" + k, iteration, v.floatValue()));
    board.flush();
    Double fid = evaluation.values().get(FID);
    if (fid != null && Double.isFinite(fid) && (bestFid == null || fid < bestFid)) {
      bestFid = fid;
      bestCheckpoint = Optional.of(best.replace(session, state.apply(iteration)));
    }
  }

  List<Evaluation> all() {
    return List.copyOf(done);
  }

  Double bestFid() {
    return bestFid;
  }

  Optional<Path> bestCheckpoint() {
    return bestCheckpoint;
  }
}
