package org.gansuite.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.testing.TinyDatasets;

/** Runs the command line in-process and writes test images. */
final class Cli {

  /** Exit code and the two streams of one run. */
  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("not one JSON object: " + out, e);
      }
    }
  }

  private Cli() {}

  static Run run(Object... args) {
    String[] a = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = String.valueOf(args[i]);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(a, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** The tiny image folder of the command-line tests: 96 8x8 grey gradients (seed 5) in {@code dir/tiny}. */
  /** {@code train} of the tiny test model on {@code images} into {@code dir}, quietly, on one thread, then {@code extra}. */
  static String[] train(Path images, Path dir, int epochs, String... extra) {
    List<String> a = new ArrayList<>(List.of("train", "--model", "tiny-gan", "--data", "folder:" + images, "--no-cache",
        "--run-dir", dir.toString(), "--epochs", Integer.toString(epochs), "--no-progress", "--threads", "1"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  static Path tinyImages(Path dir) throws IOException {
    Path images = dir.resolve("tiny");
    ImageWriter.writeFolder(images, TinyDatasets.gradients(96, new ImageShape(8, 8, 1), 5), 96);
    return images;
  }

  /** Writes an 8-bit grey PNG of {@code h x w} values (row-major). */
  static void greyPng(Path file, int h, int w, int[] values) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSamples(0, 0, w, h, 0, values);
    ImageIO.write(img, "png", file.toFile());
  }

  /** Writes an RGB PNG of {@code h x w} pixels, HWC values. */
  static void rgbPng(Path file, int h, int w, int[] hwc) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        img.setRGB(x, y, (hwc[o] << 16) | (hwc[o + 1] << 8) | hwc[o + 2]);
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }

  /** {@code n} copies of {@code v}. */
  static int[] filled(int n, int v) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
