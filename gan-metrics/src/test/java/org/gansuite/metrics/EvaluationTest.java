package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.cache.ReferenceStats;
import org.gansuite.metrics.cache.StatsCache;
import org.gansuite.metrics.cache.StatsKey;
import org.gansuite.metrics.extract.ExtractorOptions;
import org.gansuite.metrics.extract.Features;
import org.gansuite.metrics.extract.InceptionExtractor;
import org.gansuite.metrics.extract.TinyInceptionGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation API and the statistics cache, with the small Inception stand-in graph. */
class EvaluationTest {

  @TempDir Path dir;

  private static InMemoryDataset images(String name, int n, long seed, int spread) {
    ImageShape shape = new ImageShape(12, 10, 3);
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] px = new byte[n * shape.pixels()];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (128 - spread / 2 + rng.nextInt(spread));
    }
    return new InMemoryDataset(name, shape, px);
  }

  @Test
  void evaluationEqualsItsPartsAndUsesTheCache() throws IOException {
    Path pb = TinyInceptionGraph.write(dir, tf -> {});
    InMemoryDataset generated = images("gen", 40, 1, 120);
    InMemoryDataset reference = images("train", 60, 2, 250);
    StatsCache cache = new StatsCache(dir.resolve("cache"));
    var config = new Evaluation.Config(50, "train", 4, 9, new Kid.Config(5, 20, 9), 16, ComputeDevice.AUTO);
    try (InceptionExtractor ex = InceptionExtractor.open(ExtractorOptions.of(pb))) {
      EvaluationResult first = Evaluation.evaluate(generated, reference, ex, cache, config);

      var ref = Evaluation.subset(reference, 50, 9);
      FeatureStats refStats = FeatureStats.of(ex.extract(ref, 7).features());
      FeatureStats genStats = FeatureStats.of(ex.extract(generated, 7).features());
      assertEquals(Fid.compute(genStats, refStats), first.fid(), 1e-6 * first.fid());
      assertTrue(first.fid() > 0.01, "different spreads must give a clearly positive FID: " + first.fid());
      // Clarity under every definition: the generated images' summary and the reference subset's mean.
      var genSums = new Clarity().sums(generated, 40);
      var refSums = new Clarity().sums(ref, 50);
      assertEquals(ClarityDefinition.ALL, first.clarity().stream().map(ClarityScore::definition).toList());
      for (ClarityDefinition d : ClarityDefinition.ALL) {
        double gen = genSums.summary(d).mean();
        double diff = Math.abs(gen - refSums.summary(d).mean());
        assertEquals(gen, first.clarity(d).generated().mean(), 1e-12 * gen, d.toString());
        assertEquals(genSums.summary(d).std(), first.clarity(d).generated().std(), 1e-9 * gen, d.toString());
        assertEquals(diff, first.clarity(d).diff(), 1e-12 * gen, d.toString());
        assertTrue(diff > 1e-3 * gen, "different images must differ in clarity (" + d + "): " + diff);
      }
      assertEquals(Clarity.of(generated).mean(), first.clarity(ClarityDefinition.DEFAULT).generated().mean(), 0.0);
      try (InceptionScore is = new InceptionScore(ComputeDevice.AUTO)) {
        assertEquals(is.value(ex.extract(generated, 40).probabilities(), 4).mean(), first.isMean(), 1e-6);
      }
      // PRDC and mode coverage: the same 50 reference and 40 generated features (both below PRDC_SAMPLES).
      Features refF = ex.extract(ref, 7);
      Features genF = ex.extract(generated, 7);
      Prdc.Value prdc = Prdc.compute(refF.features(), genF.features(), Prdc.DEFAULT_NEAREST_K);
      assertEquals(prdc.precision(), first.precision(), 1e-12);
      assertEquals(prdc.recall(), first.recall(), 1e-12);
      assertEquals(prdc.density(), first.density(), 1e-12);
      assertEquals(prdc.coverage(), first.coverage(), 1e-12);
      assertEquals(5, first.nearestK());
      assertEquals(ModeCoverage.of(genF.probabilities(), refF.probabilities()), first.modeCoverage());
      assertTrue(first.modeCoverage() >= 1, "some predicted class of the reference is generated too");
      assertEquals(40, first.protocol().prdcGenerated());
      assertEquals(50, first.protocol().prdcReference());
      assertFalse(first.fidComparable());
      assertEquals(2, first.warnings().size());
      assertEquals(50, first.protocol().nReference());
      assertEquals(ex.info().weightsSha256(), first.protocol().weightsSha256());
      assertEquals(20, first.protocol().kidSubsetSize());
      var json = first.toJson();
      assertTrue(json.keySet().containsAll(java.util.List.of("fid", "kid", "kid_std", "is_mean", "is_std",
          "clarity_mean", "clarity_std", "n", "protocol", "precision", "recall", "density", "coverage", "nearest_k",
          "mode_coverage", "clarity_reference_mean", "clarity_diff", "clarity_mean_abs_k141_mean",
          "clarity_energy_k8_diff")), json.keySet().toString());
      assertEquals(first.clarity(ClarityDefinition.DEFAULT).diff(), (double) json.get("clarity_diff"), 0.0);
      var std8 = new ClarityDefinition(ClarityDefinition.Statistic.STD, ClarityDefinition.Kernel.EIGHT);
      assertEquals(first.clarity(std8).referenceMean(), (double) json.get("clarity_std_k8_reference_mean"), 0.0);

      StatsKey key = new StatsKey(reference.id().contentHash(), ex.info().name(), ex.info().weightsSha256(),
          "pool_3:0", 50, 9);
      assertTrue(Files.isRegularFile(cache.fileFor(key)));
      ReferenceStats cached = cache.load(key).orElseThrow();
      assertArrayEquals(refStats.mu(), cached.stats().mu(), 1e-9);
      assertEquals(refSums.summaries(), cached.clarity());

      var noKid = new Evaluation.Config(50, "train", 4, 9, null, 16, ComputeDevice.AUTO);
      EvaluationResult second = Evaluation.evaluate(generated, reference, ex, cache, noKid);
      assertEquals(first.fid(), second.fid(), 1e-9 * first.fid());
      assertTrue(Double.isNaN(second.kid()));
      assertFalse(second.toJson().containsKey("kid"));
      // Cache hit without KID: the reference features for PRDC are extracted for the subset alone.
      assertEquals(first.precision(), second.precision(), 0.0);
      assertEquals(first.coverage(), second.coverage(), 0.0);
      assertEquals(first.modeCoverage(), second.modeCoverage());

      // Another k; and the rows subsetRows keeps are the images subset extracts (as with more than PRDC_SAMPLES).
      var k3 = new Evaluation.Config(50, "train", 4, 9, null, 16, ComputeDevice.AUTO, 3);
      EvaluationResult third = Evaluation.evaluate(generated, reference, ex, cache, k3);
      assertEquals(Prdc.compute(refF.features(), genF.features(), 3).density(), third.density(), 1e-12);
      assertEquals(3, third.nearestK());
      var sub = Evaluation.subsetRows(refF, 30, 9);
      assertArrayEquals(ex.extract(Evaluation.subset(ref, 30, 9), 7).features().values(),
          sub.features().values(), 1e-5);
    }
  }

  @Test
  void cacheRefusesTamperedOrMisfiledEntries() throws IOException {
    StatsCache cache = new StatsCache(dir);
    StatsKey key = new StatsKey("abc", "inception-2015-12-05", "f".repeat(64), "pool_3:0", 3, 1);
    FeatureStats s = new FeatureStats(3, new double[] {1, 2}, new double[] {2, 0.5, 0.5, 1});
    var clarity = new java.util.LinkedHashMap<ClarityDefinition, Summary>();
    for (int i = 0; i < ClarityDefinition.ALL.size(); i++) {
      clarity.put(ClarityDefinition.ALL.get(i), Summary.of(new double[] {1, 2, 3 + i}));
    }
    cache.store(new ReferenceStats(key, s, clarity));
    var loaded = cache.load(key).orElseThrow().clarity();
    assertEquals(clarity, loaded);
    assertEquals(2.0 + 11 / 3.0, loaded.get(ClarityDefinition.ALL.get(11)).mean(), 1e-15);
    StatsKey other = new StatsKey("abc", "inception-2015-12-05", "f".repeat(64), "pool_3:0", 3, 2);
    assertTrue(cache.load(other).isEmpty());

    // A file copied under another key's name is refused.
    Files.copy(cache.fileFor(key), cache.fileFor(other));
    var e = assertThrows(IllegalStateException.class, () -> cache.load(other));
    assertTrue(e.getMessage().contains(cache.fileFor(other).getFileName().toString()), e.getMessage());

    // Changed numbers under the old hash are refused.
    Path file = cache.fileFor(key);
    Path tampered = dir.resolve("tampered.npz");
    try (ZipFile zip = new ZipFile(file.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (var it = zip.entries(); it.hasMoreElements(); ) {
        ZipEntry entry = it.nextElement();
        byte[] bytes = zip.getInputStream(entry).readAllBytes();
        if (entry.getName().equals("mu.npy")) {
          bytes[bytes.length - 1] ^= 1;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    Files.move(tampered, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    e = assertThrows(IllegalStateException.class, () -> cache.load(key));
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    assertEquals("v2|dataset=abc|extractor=inception-2015-12-05|weights=" + "f".repeat(64)
        + "|layer=pool_3:0|n=3|seed=1", key.canonical());
  }
}
