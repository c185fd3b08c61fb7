package org.gansuite.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.gansuite.core.io.AtomicFiles;

/** Small charts drawn with Java2D and written as PNG with Commons Imaging: line plots and bar charts. */
public final class Charts {

  private static final int W = 640;
  private static final int H = 320;
  private static final int PAD = 48;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

  private Charts() {}

  /** Series name to (x, y) points, on shared axes. */
  public static void lines(Path file, String title, String xLabel, Map<String, List<double[]>> series) throws IOException {
    double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    series.values().forEach(pts -> pts.forEach(p -> {
      if (Double.isFinite(p[1])) {
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.max(box[1], p[0]);
        box[2] = Math.min(box[2], p[1]);
        box[3] = Math.max(box[3], p[1]);
      }
    }));
    var img = canvas();
    Graphics2D g = img.createGraphics();
    setup(g);
    axes(g, title, xLabel, box[2], box[3]);
    g.drawString(String.format(Locale.ROOT, "%.0f", box[0]), PAD, H - PAD + 14);
    g.drawString(String.format(Locale.ROOT, "%.0f", box[1]), W - PAD - 20, H - PAD + 14);
    int c = 0;
    for (var e : series.entrySet()) {
      g.setColor(COLORS[c % COLORS.length]);
      g.setStroke(new BasicStroke(1.5f));
      int[] prev = null;
      for (double[] p : e.getValue()) {
        if (!Double.isFinite(p[1])) {
          continue;
        }
        int[] q = {x(p[0], box[0], box[1]), y(p[1], box[2], box[3])};
        if (prev != null) {
          g.drawLine(prev[0], prev[1], q[0], q[1]);
        }
        prev = q;
      }
      g.drawString(e.getKey(), W - PAD - 150, PAD + 14 * c + 12);
      c++;
    }
    g.dispose();
    write(img, file);
  }

  /** One bar per label; NaN values are left out. */
  public static void bars(Path file, String title, List<String> labels, List<Double> values) throws IOException {
    double max = values.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
    var img = canvas();
    Graphics2D g = img.createGraphics();
    setup(g);
    axes(g, title, "", 0, max);
    int n = labels.size();
    int slot = (W - 2 * PAD) / Math.max(1, n);
    for (int i = 0; i < n; i++) {
      double v = values.get(i);
      int x0 = PAD + i * slot + slot / 6;
      if (Double.isFinite(v)) {
        int top = y(v, 0, max);
        g.setColor(COLORS[i % COLORS.length]);
        g.fillRect(x0, top, slot * 2 / 3, H - PAD - top);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%.2f", v), x0, top - 3);
      }
      g.setColor(Color.BLACK);
      // Alternate two rows so that neighbouring labels do not overlap.
      g.drawString(labels.get(i), PAD + i * slot, H - PAD + 14 + 14 * (i % 2));
    }
    g.dispose();
    write(img, file);
  }

  private static BufferedImage canvas() {
    var img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.dispose();
    return img;
  }

  private static void setup(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
  }

  private static void axes(Graphics2D g, String title, String xLabel, double lo, double hi) {
    g.setColor(Color.BLACK);
    g.drawLine(PAD, H - PAD, W - PAD, H - PAD);
    g.drawLine(PAD, PAD, PAD, H - PAD);
    g.drawString(title, PAD, PAD - 16);
    g.drawString(xLabel, W / 2, H - 8);
    g.drawString(String.format(Locale.ROOT, "%.3g", hi), 4, PAD + 4);
    g.drawString(String.format(Locale.ROOT, "%.3g", lo), 4, H - PAD);
  }

  private static int x(double v, double lo, double hi) {
    return PAD + (int) Math.round((v - lo) / (hi > lo ? hi - lo : 1) * (W - 2 * PAD));
  }

  private static int y(double v, double lo, double hi) {
    return H - PAD - (int) Math.round((v - lo) / (hi > lo ? hi - lo : 1) * (H - 2 * PAD));
  }

  private static void write(BufferedImage img, Path file) throws IOException {
    AtomicFiles.write(file, out -> Imaging.writeImage(img, out, ImageFormats.PNG));
  }
}
