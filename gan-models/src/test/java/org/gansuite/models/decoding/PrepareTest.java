package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.testing.GraphRunner;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** prepare(): auto-encoder run, feature cache, warm start, and a whole run through the trainer. */
class PrepareTest {

  private static final Map<String, String> HP = Map.of("ae_max_iterations", "20", "ae_epochs", "10");

  @TempDir Path tmp;

  @Test
  void secondPrepareReusesTheAutoEncoderAndTheCache() throws IOException {
    var spec = Tiny.spec(HP);
    var cfg = Tiny.config(tmp).build();
    var provider = new ProposedGanProvider();
    var first = provider.prepare(spec, cfg.prepareContext(AutoEncoderTrainingTest.DATA));
    Path aeDir = tmp.resolve("autoencoder");
    Path cache = aeDir.resolve(DecodingPreparation.CACHE_FILE);
    // 16 iterations an epoch: checkpoints at the epoch end and at the cap of 20
    var checkpoints = new Checkpoints(aeDir.resolve("checkpoints"), 3).list();
    assertEquals(2, checkpoints.size());
    Path last = checkpoints.get(1);
    assertEquals("ckpt-0000000020", last.getFileName().toString());
    assertEquals(AutoEncoderRun.checkpointId(last), first.identity().get("ae_checkpoint"));
    FileTime cacheTime = Files.getLastModifiedTime(cache);
    FileTime ckptTime = Files.getLastModifiedTime(last.resolve("state.json"));

    // The cost: the trainer's FLOPs of one AE iteration times the 20 trained, their images, their seconds.
    var cost = first.cost();
    var aeState = Checkpoints.readState(last);
    assertTrue(aeState.flopsPerIteration() > 0);
    assertEquals(20 * aeState.flopsPerIteration(), cost.flops());
    assertEquals(20L * 16, cost.images());
    assertEquals(aeState.seconds(), cost.seconds(), 0);
    assertTrue(cost.seconds() > 0 && cost.seconds() < 600, "seconds " + cost.seconds());
    assertEquals(cost, new ObjectMapper().readValue(aeDir.resolve(AutoEncoderRun.COST_FILE).toFile(),
        org.gansuite.core.model.PreparationCost.class));

    var second = provider.prepare(spec, cfg.prepareContext(AutoEncoderTrainingTest.DATA));
    assertEquals(first.identity(), second.identity());
    assertEquals(cost, second.cost(), "a reused pre-training reports the cost of the work that made it");
    assertEquals(checkpoints, new Checkpoints(aeDir.resolve("checkpoints"), 3).list());
    assertEquals(ckptTime, Files.getLastModifiedTime(last.resolve("state.json")));
    assertEquals(cacheTime, Files.getLastModifiedTime(cache));
    var f1 = first.products().orElseThrow().features();
    assertArrayEquals(f1.values(), second.products().orElseThrow().features().values());
    assertEquals(AutoEncoderTrainingTest.DATA.size(), f1.count());
    for (float v : f1.values()) {
      assertTrue(v > -1 && v < 1, "tanh features lie in (-1, 1)");
    }

    // A cache computed for another auto-encoder is rebuilt, with this one's features.
    var key = FeatureCache.read(cache).key();
    FeatureCache.write(cache, new FeatureCache.Key(key.datasetSha256(), key.datasetSize(), "0".repeat(64), key.dim()),
        Features.random(FeatureSource.UNIFORM, key.datasetSize(), key.dim(), 1));
    var third = provider.prepare(spec, cfg.prepareContext(AutoEncoderTrainingTest.DATA));
    assertEquals(first.identity(), third.identity());
    assertEquals(key, FeatureCache.read(cache).key());
  }

  /** G and the shared trunk start from the auto-encoder; D's logit layer starts fresh. */
  @Test
  void ganStartsFromThePretrainedValues() throws IOException {
    var spec = Tiny.spec(HP);
    var provider = new ProposedGanProvider();
    var prepared = provider.prepare(spec, Tiny.config(tmp).build().prepareContext(AutoEncoderTrainingTest.DATA));
    Map<String, float[]> ae = prepared.products().orElseThrow().warmStart();
    // Op names carry TF's de-duplicating suffixes (bn_0_1/offset): compare by prefix.
    assertTrue(ae.keySet().stream().anyMatch(k -> k.startsWith("generator/deconv_3")));
    assertTrue(ae.keySet().stream().anyMatch(k -> k.startsWith("discriminator/conv_3")));
    assertTrue(ae.keySet().stream().anyMatch(k -> k.startsWith("projection/dense_0")));
    assertFalse(ae.keySet().stream().anyMatch(k -> k.startsWith("discriminator/dense")), "no logit in the AE");
    long moving = ae.keySet().stream().filter(k -> k.contains("/moving_")).count();
    assertEquals(2 * (4 + 3), moving, "G's four and the trunk's three batch norms");
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      var gg = provider.build(Ops.create(g), new BuildContext<>(spec, prepared));
      s.initialize();
      int checked = 0;
      for (var net : gg.networks()) {
        for (var v : net.trainableVariables()) {
          float[] now = GraphRunner.fetch(s, v);
          float[] pre = ae.get(v.op().name());
          if (pre != null) {
            assertArrayEquals(pre, now, 0f, v.op().name());
            checked++;
          }
        }
      }
      assertEquals(ae.size() - moving, checked, "every pre-trained parameter (moving statistics aside)");
    }
  }

  @Test
  void trainerRunsThePreparedModelAndRecordsItsProducts() throws IOException {
    var spec = Tiny.spec(HP);
    var data = AutoEncoderTrainingTest.DATA;
    TrainResult r = new Trainer(new ProposedGanProvider(), spec, data, Tiny.config(tmp).optMaxIterations(4).build()).train();
    assertEquals(TrainResult.Status.COMPLETED, r.status());
    assertEquals(4, r.iterations());
    var aeState = Checkpoints.readState(tmp.resolve("autoencoder/checkpoints/ckpt-0000000020"));
    assertEquals(new org.gansuite.core.model.PreparationCost(20 * aeState.flopsPerIteration(), 20L * 16, aeState.seconds()),
        r.preparation());
    assertTrue(r.flopsPerIteration() > 0);
    assertEquals(r.preparation().flops() + 4 * r.flopsPerIteration(), r.totalFlops());
    assertTrue(r.lastScalars().keySet().containsAll(java.util.Set.of("dec/loss", "d/loss", "g/loss")), r.lastScalars().toString());
    var state = new ObjectMapper().readTree(r.lastCheckpoint().orElseThrow().resolve("state.json").toFile());
    String ae = state.get("config").get("prepared.ae_checkpoint").asText();
    assertEquals(64, ae.length());
    assertEquals(64, state.get("config").get("prepared.features_sha256").asText().length());
  }
}
