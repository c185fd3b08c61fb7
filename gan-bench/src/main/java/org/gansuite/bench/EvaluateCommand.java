package org.gansuite.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gansuite.bench.reproduce.Protocol;
import org.gansuite.bench.reproduce.Scoring;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.metrics.cache.StatsCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores the newest checkpoint of a run folder (as {@code train} writes it) against its training set. */
@Command(name = "evaluate", description = "Score a trained run: FID, KID, IS, clarity against the training set it was trained on.")
final class EvaluateCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Option(names = "--run-dir", required = true, description = "A run folder written by train.")
  Path runDir;

  @Mixin DataOption data = new DataOption();

  @Mixin ExtractorOptionsMixin extractor = new ExtractorOptionsMixin();

  @Option(names = "--samples", defaultValue = "10000", description = "Generated images to score (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--reference-samples", defaultValue = "50000", description = "Training images behind the reference statistics.")
  int referenceSamples;

  @Option(names = "--json", description = "One JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    var checkpoint = new Checkpoints(runDir.resolve("checkpoints"), 1).latest()
        .orElseThrow(() -> new IllegalArgumentException(runDir + ": no checkpoint (not a run folder written by train)"));
    var state = Checkpoints.readState(checkpoint);
    var config = state.config();
    var dataset = data.open();
    if (!dataset.id().contentHash().equals(config.get("dataset_sha256"))) {
      throw new IllegalArgumentException(runDir + " was trained on " + config.get("dataset") + " (sha256 "
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
    String fallback = dataset.id().name().startsWith("fashion-mnist") ? Protocol.CLASSIFIER : Protocol.INCEPTION;
    try (var fx = extractor.openOr(fallback, compute.metrics())) {
      var setup = new Scoring.Setup(dataset, referenceSamples, fx, new StatsCache(runDir.getParent().resolve(".stats-cache")), compute.device);
      var result = Scoring.score(provider, spec, cfg, checkpoint, samples, setup);
      Map<String, Object> out = new LinkedHashMap<>(result.toJson());
      out.put("checkpoint", checkpoint.toString());
      out.put("iteration", state.iteration());
      Path file = runDir.resolve("evaluation.json");
      AtomicFiles.write(file, stream -> JSON.writerWithDefaultPrettyPrinter().writeValue(stream, out));
      var w = cmd.commandLine().getOut();
      if (json) {
        w.println(JSON.writeValueAsString(out));
      } else {
        out.forEach((k, v) -> w.printf("%s = %s%n", k, v));
        w.printf("written: %s%n", file.toAbsolutePath());
      }
    }
    return 0;
  }
}
