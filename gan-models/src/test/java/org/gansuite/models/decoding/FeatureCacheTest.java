package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {

  @TempDir Path tmp;

  private static final Features F = Features.random(FeatureSource.NORMAL, 5, 3, 11);
  private static final FeatureCache.Key KEY = new FeatureCache.Key("a".repeat(64), 5, "b".repeat(64), 3);

  @Test
  void roundTripsBitExactlyAndLeavesNoTemporaryFile() throws IOException {
    Path file = tmp.resolve("features.bin");
    FeatureCache.write(file, KEY, F);
    var e = FeatureCache.read(file);
    assertEquals(KEY, e.key());
    assertArrayEquals(F.values(), e.features().values());
    assertEquals(F.sha256(), FeatureCache.load(file, KEY).orElseThrow().sha256());
    try (var s = Files.list(tmp)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void anotherDataSetOrAutoEncoderMakesItStale() throws IOException {
    Path file = tmp.resolve("features.bin");
    FeatureCache.write(file, KEY, F);
    assertTrue(FeatureCache.load(file, new FeatureCache.Key("c".repeat(64), 5, KEY.autoEncoderId(), 3)).isEmpty());
    assertTrue(FeatureCache.load(file, new FeatureCache.Key(KEY.datasetSha256(), 5, "d".repeat(64), 3)).isEmpty());
    assertTrue(FeatureCache.load(tmp.resolve("missing.bin"), KEY).isEmpty());
  }

  @Test
  void corruptionIsDetectedNamingTheFile() throws IOException {
    Path file = tmp.resolve("features.bin");
    FeatureCache.write(file, KEY, F);
    byte[] b = Files.readAllBytes(file);
    b[b.length - 40] ^= 1; // a value byte
    Files.write(file, b);
    var e = assertThrows(IOException.class, () -> FeatureCache.read(file));
    assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("corrupted"), e.getMessage());
    assertTrue(FeatureCache.load(file, KEY).isEmpty());
    Files.write(file, new byte[] {1, 2, 3});
    var bad = assertThrows(IOException.class, () -> FeatureCache.read(file));
    assertTrue(bad.getMessage().contains("not a gansuite feature cache"), bad.getMessage());
  }

  @Test
  void randomFeaturesAreSeededFixedPerImageAndDistributedAsNamed() {
    var n = Features.random(FeatureSource.NORMAL, 4000, 50, 1);
    var u = Features.random(FeatureSource.UNIFORM, 4000, 50, 1);
    assertArrayEquals(n.values(), Features.random(FeatureSource.NORMAL, 4000, 50, 1).values());
    // image 0's row does not depend on how many images there are
    assertArrayEquals(n.rows(new int[] {0}), Features.random(FeatureSource.NORMAL, 1, 50, 1).values());
    assertNotEquals(n.sha256(), Features.random(FeatureSource.NORMAL, 4000, 50, 2).sha256());
    double[] mn = moments(n.values());
    double[] mu = moments(u.values());
    // 200,000 draws: standard errors of the mean about 0.0022 (normal) and 0.0013 (uniform)
    assertEquals(0, mn[0], 0.01);
    assertEquals(1, mn[1], 0.02);
    assertEquals(0, mu[0], 0.01);
    assertEquals(1.0 / 3, mu[1], 0.01);
    for (float v : u.values()) {
      assertTrue(v >= -1 && v <= 1);
    }
  }

  private static double[] moments(float[] v) {
    double s = 0;
    double s2 = 0;
    for (float x : v) {
      s += x;
      s2 += (double) x * x;
    }
    double m = s / v.length;
    return new double[] {m, s2 / v.length - m * m};
  }
}
