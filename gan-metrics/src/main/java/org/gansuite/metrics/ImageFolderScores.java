package org.gansuite.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.impl.ImageFolderReader;
import org.gansuite.metrics.impl.ImageFolderReader.NamedImage;

/**
 * Clarity of a folder of images, and PSNR/SSIM between the files of the same name in two folders
 * (the paper's Table 1: original vs reconstructed). Images are read in chunks and scored in
 * batches of equal shape, so memory stays bounded and results do not depend on batching.
 */
public final class ImageFolderScores {

  /** Images decoded and scored per chunk. */
  static final int CHUNK = 256;

  private ImageFolderScores() {}

  /** Per-image clarity of one folder under every {@link ClarityDefinition}. */
  public record ClarityScores(Path folder, List<String> names, LaplacianSums sums) {

    /** Every image's clarity under one definition, in {@link #names}' order. */
    public double[] values(ClarityDefinition d) {
      return sums.values(d);
    }

    public Summary summary(ClarityDefinition d) {
      return sums.summary(d);
    }

    /**
     * {@code clarity_mean}, {@code clarity_std} under {@code headline}, then {@code clarity_<key>_mean},
     * {@code clarity_<key>_std} under every definition ({@code clarity_std_k8_mean} ...), and {@code n}
     * (population std over images).
     */
    public Map<String, Object> toJson(ClarityDefinition headline) {
      Map<String, Object> m = new LinkedHashMap<>();
      Summary h = summary(headline);
      m.put("clarity_mean", h.mean());
      m.put("clarity_std", h.std());
      sums.summaries().forEach((d, s) -> {
        m.put("clarity_" + d.key() + "_mean", s.mean());
        m.put("clarity_" + d.key() + "_std", s.std());
      });
      m.put("n", names.size());
      return m;
    }
  }

  /**
   * Per-pair PSNR and SSIM. {@code psnrSummary} covers the pairs with finite PSNR; identical pairs
   * (infinite PSNR) are counted in {@code identical} instead, and {@code psnrSummary} is null when
   * every pair is identical.
   */
  public record PairScores(Path images, Path reference, List<String> names, double[] psnr,
      double[] ssim, Summary psnrSummary, Summary ssimSummary, int identical) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (psnrSummary != null) {
        m.put("psnr_mean", psnrSummary.mean());
        m.put("psnr_std", psnrSummary.std());
        m.put("psnr_min", psnrSummary.min());
        m.put("psnr_max", psnrSummary.max());
      }
      m.put("psnr_identical", identical);
      m.put("ssim_mean", ssimSummary.mean());
      m.put("ssim_std", ssimSummary.std());
      m.put("ssim_min", ssimSummary.min());
      m.put("ssim_max", ssimSummary.max());
      m.put("n", names.size());
      return m;
    }
  }

  public static ClarityScores clarity(Path folder) throws IOException {
    List<Path> files = ImageFolderReader.list(folder);
    long[] sums = new long[files.size() * LaplacianSums.STRIDE];
    Clarity clarity = new Clarity();
    for (int start = 0; start < files.size(); start += CHUNK) {
      List<NamedImage> chunk = ImageFolderReader.readAll(files.subList(start, Math.min(files.size(), start + CHUNK)));
      for (int[] run : runsOfEqualShape(chunk)) {
        ImageShape shape = chunk.get(run[0]).shape();
        clarity.sumInto(shape, pack(chunk, run, shape), run[1] - run[0], sums, start + run[0]);
      }
    }
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    return new ClarityScores(folder, names, new LaplacianSums(sums));
  }

  public static PairScores psnrSsim(Path images, Path reference, ComputeDevice device) throws IOException {
    List<Path> a = ImageFolderReader.list(images);
    List<Path> b = ImageFolderReader.list(reference);
    checkSameNames(images, a, reference, b);
    double[] psnr = new double[a.size()];
    double[] ssim = new double[a.size()];
    try (PsnrSsim metric = new PsnrSsim(device)) {
      for (int start = 0; start < a.size(); start += CHUNK) {
        int end = Math.min(a.size(), start + CHUNK);
        List<NamedImage> ca = ImageFolderReader.readAll(a.subList(start, end));
        List<NamedImage> cb = ImageFolderReader.readAll(b.subList(start, end));
        for (int i = 0; i < ca.size(); i++) {
          if (ca.get(i).shape().channels() != cb.get(i).shape().channels()) {
            // A grey image against a colour one: compare as RGB, as cv2.imread reads both.
            ca.set(i, ImageFolderReader.toRgb(ca.get(i)));
            cb.set(i, ImageFolderReader.toRgb(cb.get(i)));
          }
          if (!ca.get(i).shape().equals(cb.get(i).shape())) {
            throw new UserError(a.get(start + i) + " is " + ca.get(i).shape() + " but "
                + b.get(start + i) + " is " + cb.get(i).shape() + " (height x width x channels)");
          }
        }
        for (int[] run : runsOfEqualShape(ca)) {
          ImageShape shape = ca.get(run[0]).shape();
          PsnrSsim.Values v = metric.values(shape, pack(ca, run, shape), pack(cb, run, shape), run[1] - run[0]);
          System.arraycopy(v.psnr(), 0, psnr, start + run[0], v.psnr().length);
          System.arraycopy(v.ssim(), 0, ssim, start + run[0], v.ssim().length);
        }
      }
    }
    double[] finite = Arrays.stream(psnr).filter(Double::isFinite).toArray();
    List<String> names = a.stream().map(p -> p.getFileName().toString()).toList();
    return new PairScores(images, reference, names, psnr, ssim,
        finite.length == 0 ? null : Summary.of(finite), Summary.of(ssim), psnr.length - finite.length);
  }

  private static void checkSameNames(Path da, List<Path> a, Path db, List<Path> b) {
    TreeSet<String> na = new TreeSet<>(a.stream().map(p -> p.getFileName().toString()).toList());
    TreeSet<String> nb = new TreeSet<>(b.stream().map(p -> p.getFileName().toString()).toList());
    TreeSet<String> onlyA = new TreeSet<>(na);
    onlyA.removeAll(nb);
    TreeSet<String> onlyB = new TreeSet<>(nb);
    onlyB.removeAll(na);
    if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
      throw new UserError("image names differ: " + onlyA.size() + " only in " + da
          + first(onlyA) + ", " + onlyB.size() + " only in " + db + first(onlyB));
    }
  }

  private static String first(TreeSet<String> names) {
    return names.isEmpty() ? "" : " (e.g. " + names.first() + ")";
  }

  /** [from, to) index ranges of consecutive images with the same shape. */
  private static List<int[]> runsOfEqualShape(List<NamedImage> images) {
    List<int[]> runs = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= images.size(); i++) {
      if (i == images.size() || !images.get(i).shape().equals(images.get(from).shape())) {
        runs.add(new int[] {from, i});
        from = i;
      }
    }
    return runs;
  }

  private static byte[] pack(List<NamedImage> images, int[] run, ImageShape shape) {
    byte[] out = new byte[(run[1] - run[0]) * shape.pixels()];
    for (int i = run[0]; i < run[1]; i++) {
      System.arraycopy(images.get(i).pixels(), 0, out, (i - run[0]) * shape.pixels(), shape.pixels());
    }
    return out;
  }
}
