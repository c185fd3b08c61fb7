package org.gansuite.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.ImageFolderScores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gan-bench score}: hand-computed images, the library's values, per-image CSV, errors. */
class ScoreCommandTest {

  @TempDir Path tmp;

  /**
   * 3x3 grey image, 9 in the centre: with the reflect-101 border the Laplacian is -36 at the
   * centre, 18 at the four edge centres and 0 at the corners; mean 4, variance 272 (by hand).
   * A constant image has clarity 0. So mean 136 and population std 136.
   */
  @Test
  void clarityOfHandComputedImages() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("img"));
    Cli.greyPng(dir.resolve("a.png"), 3, 3, new int[] {0, 0, 0, 0, 9, 0, 0, 0, 0});
    Cli.rgbPng(dir.resolve("b.png"), 4, 5, Cli.filled(4 * 5 * 3, 200));
    Cli.Run r = Cli.run("score", "--images", dir, "--metrics", "clarity", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals(136.0, j.get("clarity_mean").asDouble(), 1e-9);
    assertEquals(136.0, j.get("clarity_std").asDouble(), 1e-9);
    assertEquals(2, j.get("n").asInt());
    assertFalse(j.has("psnr_mean"));
    JsonNode p = j.get("protocol");
    assertTrue(p.get("metrics").get("clarity").asText().contains("reflect-101"));
    assertTrue(p.get("grey_conversion").asText().startsWith("OPENCV_4"));
    assertFalse(p.get("code_version").asText().isBlank());
    assertEquals("auto", p.get("device").asText());
  }

  /**
   * The same images under other readings. The 9-dot under the 8-neighbour kernel: -72 (centre), 18 (edge
   * midpoints), 36 (corners, each sees the dot four times through the reflect-101 border): variance 1040, so
   * std sqrt(1040) for it and 0 for the constant image. Under the 1-4-1 kernel: (-180, 72 x4, 36 x4) / 6, mean
   * absolute value 612 / 54. Bad readings are usage errors (exit code 2) naming the option and the choices.
   */
  @Test
  void clarityUnderOtherReadings() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("img"));
    Cli.greyPng(dir.resolve("a.png"), 3, 3, new int[] {0, 0, 0, 0, 9, 0, 0, 0, 0});
    Cli.rgbPng(dir.resolve("b.png"), 4, 5, Cli.filled(4 * 5 * 3, 200));
    Path csv = tmp.resolve("per-image.csv");
    Cli.Run r = Cli.run("score", "--images", dir, "--json", "--clarity", "STD", "--clarity-kernel", "8", "--per-image", csv);
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals(Math.sqrt(1040) / 2, j.get("clarity_mean").asDouble(), 1e-12);
    assertEquals(Math.sqrt(1040) / 2, j.get("clarity_std").asDouble(), 1e-12);
    assertEquals(Math.sqrt(1040) / 2, j.get("clarity_std_k8_mean").asDouble(), 1e-12);
    assertEquals(136.0, j.get("clarity_var_k4_mean").asDouble(), 1e-12);
    assertEquals(612.0 / 54 / 2, j.get("clarity_mean_abs_k141_mean").asDouble(), 1e-12);
    assertEquals(12 * 2 + 3, j.size() - 1, j.toString()); // every reading's mean and std, the headline, n; protocol
    JsonNode p = j.get("protocol");
    assertTrue(p.get("metrics").get("clarity").asText().startsWith("population standard deviation of the response (R.std()) "
        + "of the 8-neighbour Laplacian [[1,1,1],[1,-8,1],[1,1,1]]"), p.toString());
    assertTrue(p.get("metrics").get("clarity").asText().endsWith("(--clarity std --clarity-kernel 8)"), p.toString());
    try (CSVReader in = new CSVReader(new FileReader(csv.toFile()))) {
      List<String[]> rows = in.readAll();
      assertEquals(List.of("file", "clarity"), List.of(rows.get(0)));
      assertEquals(Math.sqrt(1040), Double.parseDouble(rows.get(1)[1]), 1e-12);
      assertEquals(List.of("b.png", "0.0"), List.of(rows.get(2)));
    }
    Cli.Run statistic = Cli.run("score", "--images", dir, "--clarity", "variance");
    assertEquals(2, statistic.code());
    assertTrue(statistic.err().contains("--clarity: unknown clarity statistic 'variance'; choose from var, std, mean-abs, "
        + "energy"), statistic.err());
    Cli.Run kernel = Cli.run("score", "--images", dir, "--clarity-kernel", "3x3");
    assertEquals(2, kernel.code());
    assertTrue(kernel.err().contains("--clarity-kernel: unknown clarity kernel '3x3'; choose from 4, 8, 141"), kernel.err());
  }

  /**
   * Constant 11x11 grey images 100 and 111: MSE 121, so PSNR 10 log10(255^2/121); SSIM reduces to
   * the luminance term (2*100*111 + C1) / (100^2 + 111^2 + C1), C1 = (0.01*255)^2. A second,
   * identical pair has infinite PSNR (counted apart) and SSIM 1.
   */
  @Test
  void psnrAndSsimOfHandComputedPairs() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Cli.greyPng(a.resolve("x.png"), 11, 11, Cli.filled(121, 100));
    Cli.greyPng(b.resolve("x.png"), 11, 11, Cli.filled(121, 111));
    Cli.greyPng(a.resolve("y.png"), 11, 11, Cli.filled(121, 50));
    Cli.greyPng(b.resolve("y.png"), 11, 11, Cli.filled(121, 50));
    Path csv = tmp.resolve("out/per-image.csv");
    Cli.Run r = Cli.run("score", "--images", a, "--reference", b, "--metrics", "psnr,SSIM", "--json",
        "--per-image", csv);
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    double psnr = 10 * Math.log10(255.0 * 255.0 / 121.0);
    double c1 = 0.01 * 255 * 0.01 * 255;
    double ssim = (2 * 100 * 111 + c1) / (100 * 100 + 111 * 111 + c1);
    assertEquals(psnr, j.get("psnr_mean").asDouble(), 1e-9);
    assertEquals(0.0, j.get("psnr_std").asDouble(), 1e-12);
    assertEquals(psnr, j.get("psnr_min").asDouble(), 1e-9);
    assertEquals(psnr, j.get("psnr_max").asDouble(), 1e-9);
    assertEquals(1, j.get("psnr_identical").asInt());
    assertEquals((ssim + 1) / 2, j.get("ssim_mean").asDouble(), 1e-12);
    assertEquals((1 - ssim) / 2, j.get("ssim_std").asDouble(), 1e-12);
    assertEquals(ssim, j.get("ssim_min").asDouble(), 1e-12);
    assertEquals(1.0, j.get("ssim_max").asDouble(), 1e-12);
    assertEquals(2, j.get("n").asInt());
    assertFalse(j.has("clarity_mean"));
    try (CSVReader in = new CSVReader(new FileReader(csv.toFile()))) {
      List<String[]> rows = in.readAll();
      assertEquals(List.of("file", "psnr", "ssim"), List.of(rows.get(0)));
      assertEquals("x.png", rows.get(1)[0]);
      assertEquals(psnr, Double.parseDouble(rows.get(1)[1]), 1e-9);
      assertEquals(ssim, Double.parseDouble(rows.get(1)[2]), 1e-12);
      assertEquals(List.of("y.png", "inf", "1.0"), List.of(rows.get(2)));
    }
    try (var files = Files.list(csv.getParent())) {
      assertEquals(List.of(csv), files.toList(), "no temporary file left beside the CSV");
    }
  }

  /** Random RGB images: the command prints exactly what the library computes, in text form too. */
  @Test
  void agreesWithTheLibraryAndPrintsProtocolInText() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 3; i++) {
      int[] px = new int[16 * 12 * 3];
      for (int k = 0; k < px.length; k++) {
        px[k] = rng.nextInt(256);
      }
      Cli.rgbPng(a.resolve("im" + i + ".png"), 16, 12, px);
    }
    var expected = ImageFolderScores.clarity(a).summary(ClarityDefinition.DEFAULT);
    JsonNode j = Cli.run("score", "--images", a, "--json").json();
    assertEquals(expected.mean(), j.get("clarity_mean").asDouble(), 1e-9 * expected.mean());
    assertEquals(expected.std(), j.get("clarity_std").asDouble(), 1e-9 * expected.mean());
    Cli.Run text = Cli.run("score", "--images", a);
    assertEquals(0, text.code());
    assertTrue(text.out().contains("clarity_mean = " + Report.format(expected.mean())), text.out());
    assertTrue(text.out().contains("protocol:") && text.out().contains("grey_conversion: OPENCV_4"), text.out());
  }

  @Test
  void badInputGivesOneLineNamingTheFile() throws Exception {
    Path missing = tmp.resolve("nope");
    assertError(Cli.run("score", "--images", missing), missing.toString());

    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = Files.createDirectories(tmp.resolve("b"));
    Cli.greyPng(a.resolve("x.png"), 11, 11, Cli.filled(121, 1));
    Cli.greyPng(b.resolve("z.png"), 11, 11, Cli.filled(121, 1));
    assertError(Cli.run("score", "--images", a, "--reference", b, "--metrics", "psnr"), "x.png");

    Files.delete(b.resolve("z.png"));
    Cli.greyPng(b.resolve("x.png"), 12, 11, Cli.filled(132, 1));
    assertError(Cli.run("score", "--images", a, "--reference", b, "--metrics", "ssim"), "12x11");

    assertError(Cli.run("score", "--images", a, "--metrics", "psnr"), "--reference");

    Files.write(a.resolve("broken.png"), new byte[] {1, 2, 3, 4});
    assertError(Cli.run("score", "--images", a), "broken.png");

    Cli.Run usage = Cli.run("score", "--images", a, "--metrics", "clarity,sharpness");
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("unknown metric 'sharpness'"), usage.err());
  }

  static void assertError(Cli.Run r, String mentions) {
    assertEquals(Main.FAILED, r.code(), r.out());
    assertTrue(r.err().startsWith("gan-bench: "), r.err());
    assertTrue(r.err().contains(mentions), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
  }
}
