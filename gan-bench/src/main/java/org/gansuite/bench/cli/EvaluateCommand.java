package org.gansuite.bench.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansuite.bench.results.RunProtocol;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.TrainingCost;
import org.gansuite.bench.runs.Scoring;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.metrics.cache.StatsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the newest checkpoint of a run folder (as {@code train} writes it) against its training
 * set; writes {@code evaluation.json} in the run folder in the format of {@code reproduce}'s
 * results, so {@code report} reads both.
 */
@Command(name = "evaluate", description = "Score a trained run: FID, KID, IS, clarity against the training set it was trained on.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Option(names = "--run-dir", required = true, description = "A run folder written by train.")
  Path runDir;

  @Mixin DataOption data = new DataOption();

  @Mixin ExtractorOptionsMixin extractor = new ExtractorOptionsMixin();

  @Option(names = "--samples", defaultValue = "10000", description = "Generated images to score.")
  int samples;

  @Option(names = "--reference-samples", defaultValue = "50000", description = "Training images behind the reference statistics.")
  int referenceSamples;

  @Option(names = "--json", description = "Print the result as JSON on stdout.")
  boolean json;

  @Mixin ClarityOptions clarity = new ClarityOptions();

  @Override
  public Integer call() throws Exception {
    var checkpoint = new Checkpoints(runDir.resolve("checkpoints"), 1).latest()
        .orElseThrow(() -> new UserError(runDir + ": no checkpoint (not a run folder written by train)"));
    var state = Checkpoints.readState(checkpoint);
    var config = state.config();
    var dataset = data.open();
    if (!dataset.id().contentHash().equals(config.get("dataset_sha256"))) {
      throw new UserError(runDir + " was trained on " + config.get("dataset") + " (sha256 "
          + config.get("dataset_sha256") + "), but --data gives " + dataset.id().name() + " (sha256 "
          + dataset.id().contentHash() + ")");
    }
    var provider = ModelRegistry.load().get(config.get("model"));
    Map<String, String> hyper = new LinkedHashMap<>();
    config.forEach((k, v) -> {
      if (k.startsWith("hp.")) {
        hyper.put(k.substring(3), v);
      }
    });
    var spec = new ModelSpec(provider.name(), ImageShape.parse(config.get("image_shape")),
        Integer.parseInt(config.get("z_dim")), Integer.parseInt(config.get("batch_size")),
        Long.parseLong(config.get("seed")), provider.defaults().with(hyper));
    var cfg = TrainConfig.builder(runDir).setEpochs(1).optDevice(compute.device).optThreads(compute.threads, 0)
        .optProgress(false).build();
    try (var fx = extractor.openOr(DataOption.defaultExtractor(dataset), compute.metrics())) {
      var setup = new Scoring.Setup(dataset, referenceSamples, fx, new StatsCache(runDir.getParent().resolve(".stats-cache")), compute.device);
      var ev = Scoring.score(provider, spec, cfg, checkpoint, samples, setup);
      var protocol = new RunProtocol(null, provider.objective(), dataset.id().name(), dataset.size(),
          dataset.id().contentHash(), dataset.shape().toString(), 0, 0, 0, spec.batchSize(), samples,
          Math.min(referenceSamples, dataset.size()),
          fx.info().name(), "newest", "none", Provenance.currentCodeVersion());
      // The checkpoint's iteration is what evaluate knows of training; its costs are in the run's log.
      var training = new TrainingCost(state.iteration(), Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          Map.of(), Double.NaN, Double.NaN, Double.NaN, List.of());
      var result = new RunResult(RunResult.FORMAT, null, provider.displayName(), provider.name(), hyper, spec.seed(),
          RunResult.Status.COMPLETED, "", Map.of(), training, ev, protocol, state.provenance());
      Path file = runDir.resolve(RunResult.EVALUATION_FILE);
      result.write(file);
      var w = cmd.commandLine().getOut();
      if (json) {
        w.println(RunResult.JSON.writeValueAsString(result));
      } else {
        var c = ev.clarity(clarity.definition());
        w.printf("%s seed %d, checkpoint of iteration %d: FID %.4f, KID %.6f ± %.6f, IS %.4f ± %.4f, clarity (%s) %.2f "
            + "(diff %.2f) from %d samples%n", provider.name(), spec.seed(), state.iteration(), ev.fid(), ev.kid(),
            ev.kidStd(), ev.isMean(), ev.isStd(), c.definition(), c.generated().mean(), c.diff(), ev.n());
        w.printf("protocol: %s (layer %s, weights sha256 %.16s) against %d images of %s; code %s%n", ev.protocol().extractor(),
            ev.protocol().layer(), ev.protocol().weightsSha256(), ev.protocol().nReference(), ev.protocol().referenceDataset(),
            protocol.codeVersion());
        w.printf("written: %s%n", file.toAbsolutePath());
      }
    }
    return 0;
  }
}
