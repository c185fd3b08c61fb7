package org.gansuite.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Eight models, as in the comparison table; BEGAN failed (NaN). */
  static final List<String> LABELS = List.of("DCGAN", "LSGAN", "WGAN", "WGAN-GP", "BEGAN", "SAGAN",
      "VAE-GAN", "DC-GAN (decoding-constrained)");
  static final int FAILED = 4;
  static final List<Double> FID = Arrays.asList(48.2, 41.7, 55.9, 37.4, Double.NaN, 33.1, 61.3, 29.6);
  static final List<Double> FID_SD = Arrays.asList(2.1, 1.8, null, 1.2, Double.NaN, 1.5, 3.4, 0.9);
  static final List<Double> CLARITY = Arrays.asList(310.0, 285.0, 240.0, 350.0, Double.NaN, 420.0, 180.0, 455.0);
  static final List<Double> CLARITY_SD = Arrays.asList(12.0, 9.0, 15.0, 11.0, null, 14.0, 20.0, 10.0);
  static final double TRAINING_CLARITY = 400.0;

  @TempDir static Path dir;
  static Charts.Palette palette;
  static BufferedImage fidBars;
  static BufferedImage clarityBars;
  static BufferedImage curves;

  @BeforeAll
  static void draw() throws IOException {
    palette = Charts.Palette.of(LABELS);
    Charts.bars(dir.resolve("fid.png"), "FID (lower is better)", "FID", LABELS, FID, FID_SD, null, null, palette);
    Charts.bars(dir.resolve("clarity.png"), "Clarity: mean variance of the Laplacian", "variance of the Laplacian",
        LABELS, CLARITY, CLARITY_SD, TRAINING_CLARITY, "training set", palette);
    Charts.lines(dir.resolve("fid-curves.png"), "FID during training", "iteration", "FID", curveSeries(), true,
        palette);
    fidBars = read("fid.png");
    clarityBars = read("clarity.png");
    curves = read("fid-curves.png");
  }

  /** Three models (not the first three of the palette, and out of order), 10 points each, from 100 to 51200. */
  static Map<String, List<double[]>> curveSeries() {
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    int[] models = {7, 3, 5};
    for (int m = 0; m < models.length; m++) {
      List<double[]> pts = new ArrayList<>();
      for (int k = 0; k < 10; k++) {
        double it = 100 * Math.pow(2, k);
        pts.add(new double[] {it, 30 + m * 6 + 250 * Math.exp(-k / (2.0 + m))});
      }
      series.put(LABELS.get(models[m]), pts);
    }
    return series;
  }

  /** With -Dcharts.examples=DIR, the PNGs are kept there to look at. */
  @AfterAll
  static void keepExamples() throws IOException {
    String out = System.getProperty("charts.examples");
    if (out != null && !out.isBlank()) {
      Path target = Path.of(out);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          Path to = target.resolve(dir.relativize(f).toString());
          Files.createDirectories(to.getParent());
          Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void everyChartIsAPngOfTheFixedSizeWrittenWithoutLeftovers() throws IOException {
    for (BufferedImage img : List.of(fidBars, clarityBars, curves)) {
      assertEquals(Charts.WIDTH, img.getWidth());
      assertEquals(Charts.HEIGHT, img.getHeight());
      assertEquals(720, img.getWidth());
      assertEquals(400, img.getHeight());
      assertEquals(0xFFFFFF, img.getRGB(2, 2) & 0xFFFFFF, "white background");
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> partial = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".png")).toList();
      assertEquals(List.of(), partial, "temporary files left behind");
    }
  }

  @Test
  void paletteGivesTenDistinctColoursAndKeepsThem() {
    Set<Integer> first10 = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      first10.add(Charts.Palette.nth(i).getRGB());
    }
    assertEquals(10, first10.size());
    Charts.Palette p = Charts.Palette.of(List.of("a", "b"));
    Color b = p.colour("b");
    assertEquals(b, p.colour("b"));
    assertNotEquals(p.colour("a"), b);
    assertNotEquals(b, p.colour("c"), "a label first seen later takes a new colour");
    Set<Integer> many = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      many.add(Charts.Palette.nth(i).getRGB());
    }
    assertEquals(30, many.size());
  }

  @Test
  void eachBarHasItsLabelsColourAndTheFailedRunHasNone() {
    for (int i = 0; i < LABELS.size(); i++) {
      int rgb = rgb(palette.colour(LABELS.get(i)));
      for (BufferedImage img : List.of(fidBars, clarityBars)) {
        long n = count(img, rgb);
        if (i == FAILED) {
          assertEquals(0, n, LABELS.get(i) + " failed and must have no bar");
        } else {
          assertTrue(n > 300, LABELS.get(i) + ": " + n + " pixels of its colour");
        }
      }
    }
    // The bars stand in the labels' order, left to right.
    int previous = -1;
    for (int i = 0; i < LABELS.size(); i++) {
      if (i != FAILED) {
        int[] box = box(fidBars, rgb(palette.colour(LABELS.get(i))));
        assertTrue(box[0] > previous, LABELS.get(i) + " left of its predecessor");
        previous = box[2];
      }
    }
  }

  @Test
  void barHeightsFollowTheValues() {
    // Taller value, higher top (smaller y); FID of SAGAN (33.1) < LSGAN (41.7) < WGAN (55.9).
    int sagan = box(fidBars, rgb(palette.colour("SAGAN")))[1];
    int lsgan = box(fidBars, rgb(palette.colour("LSGAN")))[1];
    int wgan = box(fidBars, rgb(palette.colour("WGAN")))[1];
    assertTrue(wgan < lsgan && lsgan < sagan, wgan + " " + lsgan + " " + sagan);
  }

  @Test
  void referenceLineRunsAcrossBetweenTheBarsBelowAndAboveIt() {
    int row = -1;
    long best = 0;
    for (int y = 0; y < clarityBars.getHeight(); y++) {
      long n = 0;
      for (int x = 0; x < clarityBars.getWidth(); x++) {
        if (dark(clarityBars.getRGB(x, y))) {
          n++;
        }
      }
      if (n > best) {
        best = n;
        row = y;
      }
    }
    assertTrue(best > 0.4 * Charts.WIDTH, "a dashed line across the chart: " + best + " dark pixels");
    // 400 lies between SAGAN's 420 and WGAN-GP's 350.
    int sagan = box(clarityBars, rgb(palette.colour("SAGAN")))[1];
    int wganGp = box(clarityBars, rgb(palette.colour("WGAN-GP")))[1];
    assertTrue(sagan < row && row < wganGp, sagan + " < " + row + " < " + wganGp);
    // And the FID chart, without a reference line, has no such row.
    for (int y = 0; y < fidBars.getHeight(); y++) {
      long n = 0;
      for (int x = 0; x < fidBars.getWidth(); x++) {
        if (dark(fidBars.getRGB(x, y))) {
          n++;
        }
      }
      assertTrue(n < 0.4 * Charts.WIDTH, "row " + y + " of the FID chart: " + n);
    }
  }

  @Test
  void errorBarsStandOnTheBarsThatHaveThem() {
    // DCGAN has an error (2.1), WGAN has none (null).
    assertTrue(darkAbove(fidBars, "DCGAN") >= 3, "an error bar above DCGAN");
    assertEquals(0, darkAbove(fidBars, "WGAN"), "no error bar above WGAN");
  }

  @Test
  void aLabelHasTheSameColourInTheBarsAndTheCurves() {
    for (int m : new int[] {7, 3, 5}) {
      String label = LABELS.get(m);
      int rgb = rgb(palette.colour(label));
      assertTrue(count(fidBars, rgb) > 300, label + " in the bars");
      assertTrue(count(curves, rgb) > 100, label + " in the curves: " + count(curves, rgb));
    }
    // The curves are coloured by label, not by position: the first three colours are not in them.
    for (int m : new int[] {0, 1, 2}) {
      assertEquals(0, count(curves, rgb(palette.colour(LABELS.get(m)))), LABELS.get(m) + " is not a curve");
    }
  }

  @Test
  void withoutAPaletteColoursFollowTheOrder() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("legacy"));
    Charts.bars(sub.resolve("is.png"), "Inception Score", "", LABELS, FID, null, null, null);
    Charts.lines(sub.resolve("losses.png"), "losses", "iteration", "", curveSeries(), false);
    BufferedImage bars = ImageIO.read(sub.resolve("is.png").toFile());
    BufferedImage lines = ImageIO.read(sub.resolve("losses.png").toFile());
    assertEquals(720, bars.getWidth());
    assertEquals(400, bars.getHeight());
    assertEquals(720, lines.getWidth());
    assertEquals(400, lines.getHeight());
    assertTrue(count(bars, rgb(Charts.Palette.nth(0))) > 300);
    assertEquals(0, count(bars, rgb(Charts.Palette.nth(FAILED))));
    // Without a palette the series take the colours in their own order.
    assertTrue(count(lines, rgb(Charts.Palette.nth(0))) > 100);
    assertTrue(count(lines, rgb(Charts.Palette.nth(2))) > 100);
    assertEquals(0, count(lines, rgb(Charts.Palette.nth(3))));
  }

  @Test
  void manyLongSeriesGetALegendBesideThePlot() throws IOException {
    Map<String, List<double[]>> losses = new LinkedHashMap<>();
    for (int m = 0; m < LABELS.size(); m++) {
      List<double[]> pts = new ArrayList<>();
      for (int it = 0; it <= 20000; it += 100) {
        pts.add(new double[] {it, 0.4 + 0.1 * m + Math.exp(-it / 3000.0) * (1 + 0.05 * Math.sin(it / 300.0))});
      }
      losses.put(LABELS.get(m) + ": generator loss", pts);
    }
    Path f = dir.resolve("many-series.png");
    Charts.lines(f, "Generator losses", "iteration", "loss", losses, false, palette);
    BufferedImage img = ImageIO.read(f.toFile());
    assertEquals(720, img.getWidth());
    assertEquals(400, img.getHeight());
    for (String name : losses.keySet()) {
      // At least the legend swatch (the lines themselves are anti-aliased, 200 points, no markers).
      assertTrue(count(img, rgb(palette.colour(name))) > 10, name);
    }
  }

  @Test
  void degenerateInputStillGivesAChart() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("degenerate"));
    Charts.bars(sub.resolve("all-failed.png"), "all failed", "FID", List.of("A", "B"),
        Arrays.asList(Double.NaN, null), null, Double.NaN, null);
    Charts.bars(sub.resolve("none.png"), "no rows", "", List.of(), List.of(), null, null, null);
    Charts.bars(sub.resolve("none-ref.png"), "no rows", "FID", List.of(), List.of(), List.of(), 3.0, "ref");
    Charts.bars(sub.resolve("dup.png"), "same label twice", "FID", List.of("A", "A"), List.of(1.0, 2.0),
        Arrays.asList(0.1, Double.NaN), 1.5, "");
    Charts.lines(sub.resolve("empty.png"), "nothing", "iteration", "loss",
        Map.of("g_loss", List.of(new double[] {0, Double.NaN}), "d_loss", List.of()), true);
    for (String f : List.of("all-failed.png", "none.png", "none-ref.png", "dup.png", "empty.png")) {
      BufferedImage img = ImageIO.read(sub.resolve(f).toFile());
      assertEquals(720, img.getWidth(), f);
      assertEquals(400, img.getHeight(), f);
    }
  }

  // ------------------------------------------------------------------------------------------- helpers

  private static BufferedImage read(String name) throws IOException {
    BufferedImage img = ImageIO.read(dir.resolve(name).toFile());
    assertTrue(img != null, name + " is not a readable image");
    return img;
  }

  private static int rgb(Color c) {
    return c.getRGB() & 0xFFFFFF;
  }

  private static long count(BufferedImage img, int rgb) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  /** {minX, minY, maxX, maxY} of the pixels of exactly this colour. */
  private static int[] box(BufferedImage img, int rgb) {
    int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          b[0] = Math.min(b[0], x);
          b[1] = Math.min(b[1], y);
          b[2] = Math.max(b[2], x);
          b[3] = Math.max(b[3], y);
        }
      }
    }
    assertTrue(b[2] >= 0, String.format("colour %06x not found", rgb));
    return b;
  }

  /** Rows just above the top of the label's bar with a dark pixel near its centre column (an error bar). */
  private static int darkAbove(BufferedImage img, String label) {
    int[] b = box(img, rgb(palette.colour(label)));
    int cx = (b[0] + b[2]) / 2;
    int n = 0;
    for (int y = Math.max(0, b[1] - 12); y < b[1]; y++) {
      for (int x = cx - 1; x <= cx + 1; x++) {
        if (darkGrey(img.getRGB(x, y))) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** A neutral grey darker than the gridlines: an error bar, even anti-aliased, but not a bar's blended edge. */
  private static boolean darkGrey(int argb) {
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    int max = Math.max(r, Math.max(g, b));
    int min = Math.min(r, Math.min(g, b));
    return max < 0xC0 && max - min < 0x20;
  }

  private static boolean dark(int argb) {
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    return r < 0x60 && g < 0x60 && b < 0x60;
  }
}
