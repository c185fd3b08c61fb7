package org.gansuite.bench.cli;

import static org.gansuite.bench.cli.ScoreCommandTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Fid;
import org.gansuite.metrics.InceptionScore;
import org.gansuite.metrics.Kid;
import org.gansuite.metrics.io.Npy;
import org.gansuite.metrics.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gan-bench fid}: .npy/.npz/folder inputs against hand-computed and library values, errors. */
class FidCommandTest {

  @TempDir Path tmp;

  /** (+-1, 0), (0, +-1): mean 0, unbiased covariance diag(2/3, 2/3). */
  private static final double[] CROSS = {1, 0, -1, 0, 0, 1, 0, -1};

  private Path npy(String name, int rows, int cols, double[] v) throws IOException {
    Path p = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(p)) {
      Npy.write(out, v, rows, cols);
    }
    return p;
  }

  /** The cross, scaled by 2 and shifted by (3, 0): mean (3, 0), covariance diag(8/3, 8/3). */
  private static double[] scaledCross() {
    double[] b = new double[8];
    for (int i = 0; i < 8; i++) {
      b[i] = 2 * CROSS[i] + (i % 2 == 0 ? 3 : 0);
    }
    return b;
  }

  /**
   * FID by hand: |mu1-mu2|^2 = 9, tr S1 + tr S2 = 4/3 + 16/3, tr sqrt(S1 S2) = 2 * sqrt(16/9) = 8/3,
   * so 9 + 20/3 - 16/3 = 31/3. KID: with 4 samples per side every subset is the whole set, so KID
   * is the plain unbiased MMD^2 (computed here in Java) with std 0.
   */
  @Test
  void featuresGiveFidAndKidByHand() throws Exception {
    Path a = npy("a.npy", 4, 2, CROSS);
    Path b = npy("b.npy", 4, 2, scaledCross());
    Cli.Run r = Cli.run("fid", a, b, "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals(31.0 / 3, j.get("fid").asDouble(), 1e-9);
    assertEquals(mmd2(CROSS, scaledCross(), 4, 2), j.get("kid").asDouble(), 1e-9);
    assertEquals(0.0, j.get("kid_std").asDouble(), 1e-12);
    assertEquals(4, j.get("n").asInt());
    assertFalse(j.has("is_mean"));
    JsonNode p = j.get("protocol");
    assertEquals(4, p.get("a").get("n").asInt());
    assertEquals(2, p.get("b").get("dim").asInt());
    assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(a))), p.get("a").get("file_sha256").asText());
    assertEquals(100, p.get("kid_subsets").asInt());
    assertEquals(4, p.get("kid_subset_size").asInt());
    assertFalse(p.get("comparable_to_published").asBoolean());
    assertTrue(p.get("metrics").has("fid") && p.get("metrics").has("kid"));
    assertTrue(r.err().contains("warning: only 4 samples"), r.err());
  }

  /** Unbiased MMD^2 with the kernel (x.y/d + 1)^3, straight from the definition. */
  private static double mmd2(double[] x, double[] y, int m, int d) {
    double xx = 0;
    double yy = 0;
    double xy = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        if (i != j) {
          xx += k(x, i, x, j, d);
          yy += k(y, i, y, j, d);
        }
        xy += k(x, i, y, j, d);
      }
    }
    return (xx + yy) / (m * (m - 1.0)) - 2 * xy / (m * (double) m);
  }

  private static double k(double[] a, int i, double[] b, int j, int d) {
    double dot = 0;
    for (int c = 0; c < d; c++) {
      dot += a[i * d + c] * b[j * d + c];
    }
    return Math.pow(dot / d + 1, 3);
  }

  @Test
  void statisticsFileGivesFidOnlyAndTextCarriesProtocol() throws Exception {
    Path a = npy("a.npy", 4, 2, CROSS);
    Path b = tmp.resolve("b.npz");
    Npz.writeStats(b, new FeatureStats(0, new double[] {3, 0}, new double[] {8.0 / 3, 0, 0, 8.0 / 3}));
    JsonNode j = Cli.run("fid", a, b, "--json").json();
    assertEquals(31.0 / 3, j.get("fid").asDouble(), 1e-9);
    assertFalse(j.has("kid"));
    assertTrue(j.get("protocol").get("b").get("n").isNull(), "a foreign .npz does not store n");
    Cli.Run text = Cli.run("fid", b, a);
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().startsWith("fid = " + Report.format(31.0 / 3) + "\n"), text.out());
    assertTrue(text.out().contains("kind: FID statistics (.npz)"), text.out());
    assertTrue(text.err().contains("does not store its sample count"), text.err());
  }

  /**
   * PRDC with A generated (fake) and B real, k = 1, worked out in gan-metrics' PrdcTest: real {0, 1,
   * 3, 4} all have r = 1, fake {0.5, 5, 3.25}; fake 5 is exactly 1 from real 4 (1 &lt; 1 is false):
   * precision 2/3, recall 1, density 4/3, coverage 1. With the default k = 5 and 3-4 samples, or a
   * statistics file on one side, the keys are absent and the protocol says why.
   */
  @Test
  void precisionRecallDensityCoverageFromFeatures() throws Exception {
    Path fake = npy("fake.npy", 3, 1, new double[] {0.5, 5, 3.25});
    Path real = npy("real.npy", 4, 1, new double[] {0, 1, 3, 4});
    Cli.Run r = Cli.run("fid", fake, real, "--json", "--nearest-k", "1");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals(2.0 / 3, j.get("precision").asDouble(), 1e-12);
    assertEquals(1.0, j.get("recall").asDouble(), 1e-12);
    assertEquals(4.0 / 3, j.get("density").asDouble(), 1e-12);
    assertEquals(1.0, j.get("coverage").asDouble(), 1e-12);
    assertEquals(1, j.get("protocol").get("nearest_k").asInt());
    assertTrue(j.get("protocol").get("metrics").has("prdc"));

    JsonNode fewer = Cli.run("fid", fake, real, "--json").json();
    assertFalse(fewer.has("precision") || fewer.has("coverage"));
    assertTrue(fewer.get("protocol").get("prdc").asText().startsWith("not computed: nearest_k = 5"),
        fewer.toString());

    Path stats = tmp.resolve("real.npz");
    Npz.writeStats(stats, new FeatureStats(4, new double[] {2}, new double[] {10.0 / 3}));
    Cli.Run s = Cli.run("fid", fake, stats, "--json", "--nearest-k", "1");
    assertEquals(0, s.code(), s.err());
    JsonNode js = s.json();
    assertFalse(js.has("precision") || js.has("recall") || js.has("density") || js.has("coverage"));
    assertTrue(js.get("protocol").get("prdc").asText().contains("real.npz holds FID statistics, not features"),
        js.toString());
    assertError(Cli.run("fid", fake, real, "--nearest-k", "0"), "--nearest-k must be >= 1, got 0");
  }

  /** Two folders through an extractor: FID, KID and IS of A equal the library on the same features. */
  @Test
  void imageFoldersGoThroughTheExtractor() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("gen"));
    Path b = Files.createDirectories(tmp.resolve("ref"));
    int n = 12;
    double[] fa = new double[n * 3];
    double[] fb = new double[n * 3];
    double[] pa = new double[n * 2];
    for (int i = 0; i < n; i++) {
      int[] ra = pattern(i, 0);
      int[] rb = pattern(i, 7);
      Cli.rgbPng(a.resolve(String.format("%02d.png", i)), 4, 4, ra);
      Cli.rgbPng(b.resolve(String.format("%02d.png", i)), 4, 4, rb);
      System.arraycopy(PixelMomentsExtractor.features(bytes(ra), 3), 0, fa, 3 * i, 3);
      System.arraycopy(PixelMomentsExtractor.features(bytes(rb), 3), 0, fb, 3 * i, 3);
      double m = (fa[3 * i] + fa[3 * i + 1] + fa[3 * i + 2]) / 3;
      pa[2 * i] = m;
      pa[2 * i + 1] = 1 - m;
    }
    Cli.Run r = Cli.run("fid", a, b, "--extractor", PixelMomentsExtractor.NAME, "--json", "--extractor-batch", "5");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    FeatureMatrix ma = new FeatureMatrix(n, 3, fa);
    FeatureMatrix mb = new FeatureMatrix(n, 3, fb);
    double fid = Fid.compute(ma, mb);
    assertEquals(fid, j.get("fid").asDouble(), 1e-9 * fid);
    assertEquals(Kid.compute(ma, mb, 1).kid(), j.get("kid").asDouble(), 1e-12);
    InceptionScore.Value is = InceptionScore.compute(new FeatureMatrix(n, 2, pa));
    assertEquals(is.mean(), j.get("is_mean").asDouble(), 1e-12);
    assertEquals(is.std(), j.get("is_std").asDouble(), 1e-12);
    JsonNode ex = j.get("protocol").get("extractor");
    assertEquals(PixelMomentsExtractor.NAME, ex.get("name").asText());
    assertEquals("0".repeat(64), ex.get("weights_sha256").asText());
    assertEquals("image folder", j.get("protocol").get("a").get("kind").asText());
    assertEquals(64, j.get("protocol").get("a").get("pixels_sha256").asText().length());
  }

  private static int[] pattern(int i, int shift) {
    int[] px = new int[4 * 4 * 3];
    for (int k = 0; k < px.length; k++) {
      px[k] = (k * 37 + i * 11 + shift * (k % 3 + 1) * 5) % 256;
    }
    return px;
  }

  private static byte[] bytes(int[] v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  @Test
  void badInputGivesOneLineNamingTheFile() throws Exception {
    Path a = npy("a.npy", 4, 2, CROSS);
    Path junk = tmp.resolve("junk.npz");
    Files.write(junk, new byte[] {'n', 'o', 't', ' ', 'z', 'i', 'p'});
    assertError(Cli.run("fid", a, junk), "junk.npz");

    Path flat = tmp.resolve("flat.npy");
    try (OutputStream out = Files.newOutputStream(flat)) {
      Npy.write(out, new double[] {1, 2, 3}, 3);
    }
    assertError(Cli.run("fid", flat, a), "flat.npy: features must be a 2-D array");

    Path wide = npy("wide.npy", 2, 3, new double[6]);
    assertError(Cli.run("fid", a, wide), "wide.npy has 3-d");

    Path nan = npy("nan.npy", 2, 2, new double[] {1, Double.NaN, 0, 0});
    assertError(Cli.run("fid", nan, a), "nan.npy");

    Path folder = Files.createDirectories(tmp.resolve("images"));
    assertError(Cli.run("fid", a, folder), folder + " is an image folder: give --extractor");

    assertError(Cli.run("fid", a, tmp.resolve("missing.npz")), "missing.npz: no such file");
    Path text = Files.writeString(tmp.resolve("x.txt"), "1 2");
    assertError(Cli.run("fid", a, text), "x.txt: expected FID statistics (.npz), features (.npy) or an image folder");
    assertError(Cli.run("fid", a, folder, "--extractor", PixelMomentsExtractor.NAME), folder + ": no JPEG or PNG");
    Cli.greyPng(folder.resolve("one.png"), 2, 2, new int[4]);
    assertError(Cli.run("fid", a, folder, "--extractor", "no-such"), "no feature extractor named 'no-such'");
    assertError(Cli.run("fid", a, folder, "--extractor", PixelMomentsExtractor.NAME),
        folder + ": FID statistics need at least 2 samples, got 1");
  }
}
