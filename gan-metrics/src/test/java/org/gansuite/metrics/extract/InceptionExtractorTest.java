package org.gansuite.metrics.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.gansuite.metrics.FeatureMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;

/** The Inception extractor on a small graph with the real graph's tensor names (TinyInceptionGraph). */
class InceptionExtractorTest {

  @TempDir Path dir;

  private static InMemoryDataset images(int n, ImageShape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    byte[] px = new byte[n * shape.pixels()];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rng.nextInt(256);
    }
    return new InMemoryDataset("random", shape, px);
  }

  /** pool_3 of one image, fetched from the raw imported graph at batch 1. */
  private static float[] rawPool(Path pb, InMemoryDataset data, int index) throws IOException {
    ImageShape s = data.shape();
    byte[] px = new byte[s.pixels()];
    data.read(index, px, 0);
    float[] f = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      f[i] = px[i] & 0xFF;
    }
    try (Graph g = new Graph(); Session session = ComputeDevice.AUTO.session(g)) {
      g.importGraphDef(GraphDef.parseFrom(Files.readAllBytes(pb)));
      try (var t = Tensors.float32(f, 1, s.height(), s.width(), 3);
          Result r = session.runner()
              .feed(g.operation("ExpandDims").output(0), t)
              .fetch(g.operation("pool_3/_reshape").output(0)) // batch 1 only: fine here
              .run()) {
        return Tensors.floats(r.get(0));
      }
    }
  }

  @Test
  void featuresAndUnbiasedLogitsMatchTheGraphAndDoNotDependOnBatchSize() throws IOException {
    Path pb = TinyInceptionGraph.write(dir, tf -> {});
    InMemoryDataset data = images(5, new ImageShape(12, 10, 3), 1);
    try (FeatureExtractor ex = FeatureExtractors.open(InceptionExtractor.NAME, ExtractorOptions.of(pb))) {
      ExtractorInfo info = ex.info();
      assertEquals(TinyInceptionGraph.F, info.featureDim());
      assertEquals(TinyInceptionGraph.K, info.classes());
      assertEquals("pool_3:0", info.layer());
      assertEquals(org.gansuite.core.io.Sha256.of(pb), info.weightsSha256());
      Features one = ex.extract(data, 1);
      Features three = ex.extract(data, 3);
      float[][] w = TinyInceptionGraph.weights();
      for (int i = 0; i < 5; i++) {
        float[] raw = rawPool(pb, data, i);
        double[] logits = new double[TinyInceptionGraph.K];
        for (int j = 0; j < TinyInceptionGraph.F; j++) {
          assertEquals(raw[j], one.features().get(i, j), 1e-6);
          assertEquals(one.features().get(i, j), three.features().get(i, j), 1e-6);
          for (int k = 0; k < logits.length; k++) {
            logits[k] += raw[j] * w[j][k];
          }
        }
        // softmax(pool . W) without the graph's biases (which would shift these a lot)
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double sum = java.util.Arrays.stream(logits).map(l -> Math.exp(l - max)).sum();
        for (int k = 0; k < logits.length; k++) {
          assertEquals(Math.exp(logits[k] - max) / sum, one.probabilities().get(i, k), 1e-5);
          assertEquals(one.probabilities().get(i, k), three.probabilities().get(i, k), 1e-6);
        }
      }
    }
  }

  @Test
  void greyImagesAreRepeatedIntoThreeChannels() throws IOException {
    Path pb = TinyInceptionGraph.write(dir, tf -> {});
    InMemoryDataset grey = images(2, new ImageShape(9, 9, 1), 4);
    byte[] rgb = new byte[2 * 9 * 9 * 3];
    byte[] px = new byte[81];
    for (int i = 0; i < 2; i++) {
      grey.read(i, px, 0);
      for (int p = 0; p < 81; p++) {
        for (int c = 0; c < 3; c++) {
          rgb[i * 243 + p * 3 + c] = px[p];
        }
      }
    }
    try (InceptionExtractor ex = InceptionExtractor.open(ExtractorOptions.of(pb))) {
      FeatureMatrix a = ex.extract(grey, 2).features();
      FeatureMatrix b = ex.extract(new InMemoryDataset("rgb", new ImageShape(9, 9, 3), rgb), 2).features();
      for (int i = 0; i < a.values().length; i++) {
        assertEquals(b.values()[i], a.values()[i], 0.0);
      }
    }
  }

  @Test
  void refusesIoOpsNamingThem() throws IOException {
    Path pb = TinyInceptionGraph.write(dir, tf -> tf.withName("sneaky").io.readFile(tf.constant("/etc/passwd")));
    var e = assertThrows(SecurityException.class, () -> InceptionExtractor.open(ExtractorOptions.of(pb)));
    assertTrue(e.getMessage().contains("'ReadFile'") && e.getMessage().contains("sneaky")
        && e.getMessage().contains("tiny_inception.pb"), e.getMessage());
  }

  @Test
  void pinnedHashMustMatch() throws IOException {
    Path pb = TinyInceptionGraph.write(dir, tf -> {});
    String sha = org.gansuite.core.io.Sha256.of(pb);
    String wrong = "0".repeat(64);
    var bad = new ExtractorOptions(pb, Optional.of(wrong), ComputeDevice.AUTO, Map.of());
    var e = assertThrows(SecurityException.class, () -> InceptionExtractor.open(bad));
    assertTrue(e.getMessage().contains(sha) && e.getMessage().contains(wrong), e.getMessage());
    var good = new ExtractorOptions(pb, Optional.of(sha.toUpperCase()), ComputeDevice.parse("/CPU:0"), Map.of());
    try (InceptionExtractor ex = InceptionExtractor.open(good)) {
      assertEquals(sha, ex.info().weightsSha256());
    }
  }

  @Test
  void malformedOrForeignGraphsAreRefused() throws IOException {
    Path junk = Files.write(dir.resolve("junk.pb"), new byte[] {1, 2, 3, 4, 5});
    var e = assertThrows(IllegalArgumentException.class, () -> InceptionExtractor.open(ExtractorOptions.of(junk)));
    assertTrue(e.getMessage().contains("junk.pb"), e.getMessage());
    Path empty = Files.write(dir.resolve("empty.pb"), new byte[0]);
    e = assertThrows(IllegalArgumentException.class, () -> InceptionExtractor.open(ExtractorOptions.of(empty)));
    assertTrue(e.getMessage().contains("softmax/logits/MatMul"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FeatureExtractors.open("nope", ExtractorOptions.of(empty)));
    assertTrue(e.getMessage().contains(InceptionExtractor.NAME), e.getMessage());
  }
}
