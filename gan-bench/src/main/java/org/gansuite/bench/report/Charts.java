package org.gansuite.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.gansuite.core.io.AtomicFiles;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.AxesChartStyler.TextAlignment;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart and written as anti-aliased PNGs of {@value #WIDTH}x{@value #HEIGHT}:
 * bar charts (one coloured bar per label, optional error bars and a horizontal reference line) and line
 * plots (many series on shared axes, markers, legend, optional log x axis). A {@link Palette} gives every
 * label one colour, so that a report that passes the same palette to each chart shows a model in the same
 * colour everywhere.
 */
public final class Charts {

  /** Width of every chart, in pixels. */
  public static final int WIDTH = 720;
  /** Height of every chart, in pixels. */
  public static final int HEIGHT = 400;
  /** Colour of the reference line and of the error bars. */
  public static final Color REFERENCE_COLOUR = new Color(0x222222);

  /** Line series with more points than this get no markers (a marker per point would hide the curve). */
  static final int MAX_POINTS_WITH_MARKERS = 60;
  /** Longer tick labels are shortened with "..." (the legend and the table keep the full label). */
  private static final int MAX_TICK_LABEL_CHARS = 26;
  /** Longer series names are shortened in the legend, which would otherwise squeeze the plot. */
  private static final int MAX_LEGEND_CHARS = 36;

  private static final Color ERROR_BAR_COLOUR = new Color(0x222222);
  private static final Color GRID_COLOUR = new Color(0xDDDDDD);
  private static final Color AXIS_COLOUR = new Color(0x888888);
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final BasicStroke REFERENCE_STROKE =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

  static {
    // The CI machine has no display; XChart draws on a BufferedImage and never needs one.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /**
   * One colour per label, fixed for the life of the palette: the labels given up front take the colours in
   * order (Tableau 10, then ten more of Tableau 20, then hues a golden angle apart), and a label
   * first seen later takes the next free colour. Build one palette from the report's ordered model labels
   * and pass it to every chart.
   */
  public static final class Palette {

    /**
     * Tableau 10 (Tableau's current default), then ten more of Tableau 20; none is a neutral grey, so a
     * colour never reads as "disabled" and text anti-aliasing never produces it.
     */
    static final Color[] TABLEAU_20 = {
        new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2), new Color(0x59a14f),
        new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac),
        new Color(0xa0cbe8), new Color(0xffbe7d), new Color(0x8cd17d), new Color(0xb6992d), new Color(0x499894),
        new Color(0x86bcb6), new Color(0xff9d9a), new Color(0xd37295), new Color(0xd4a6c8), new Color(0xd7b5a6)};

    private final Map<String, Color> colours = new LinkedHashMap<>();

    private Palette(List<String> labels) {
      labels.forEach(this::colour);
    }

    /** A palette whose labels take colours in the given order (duplicates keep their first colour). */
    public static Palette of(List<String> labels) {
      return new Palette(labels);
    }

    /** The colour of {@code label}, given it now if it has none yet. */
    public synchronized Color colour(String label) {
      return colours.computeIfAbsent(Objects.requireNonNull(label, "label"), l -> nth(colours.size()));
    }

    /** The labels with a colour, in the order they got it. */
    public synchronized List<String> labels() {
      return List.copyOf(colours.keySet());
    }

    /** The i-th colour of the sequence: Tableau 20 order, then hues a golden angle apart. */
    static Color nth(int i) {
      if (i < TABLEAU_20.length) {
        return TABLEAU_20[i];
      }
      float hue = (float) (((i - TABLEAU_20.length) * 0.618033988749895) % 1.0);
      return Color.getHSBColor(hue, 0.65f, 0.80f);
    }
  }

  // ---------------------------------------------------------------------------------------------- bars

  /** One bar per label; NaN values are left out. Colours follow the labels' order. */
  /**
   * One bar per label, coloured by label (colours follow the labels' order), with optional error bars
   * ({@code errors} may be null; a null or NaN error means none) and an optional horizontal reference line
   * ({@code referenceLine} null or NaN means none) named {@code referenceLabel} in the legend. A NaN or null
   * value (a failed run) leaves its label's slot empty.
   */
  public static void bars(Path file, String title, String yLabel, List<String> labels, List<Double> values,
      List<Double> errors, Double referenceLine, String referenceLabel) throws IOException {
    bars(file, title, yLabel, labels, values, errors, referenceLine, referenceLabel, Palette.of(labels));
  }

  /** As {@link #bars(Path, String, String, List, List, List, Double, String)}, with the colours of {@code palette}. */
  public static void bars(Path file, String title, String yLabel, List<String> labels, List<Double> values,
      List<Double> errors, Double referenceLine, String referenceLabel, Palette palette) throws IOException {
    write(barChart(title, yLabel, labels, values, errors, referenceLine, referenceLabel, palette), file);
  }

  static CategoryChart barChart(String title, String yLabel, List<String> labels, List<Double> values,
      List<Double> errors, Double referenceLine, String referenceLabel, Palette palette) {
    Objects.requireNonNull(palette, "palette");
    if (labels.size() != values.size()) {
      throw new IllegalArgumentException(labels.size() + " labels but " + values.size() + " values");
    }
    if (errors != null && errors.size() != labels.size()) {
      throw new IllegalArgumentException(labels.size() + " labels but " + errors.size() + " errors");
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(nz(title))
        .xAxisTitle("").yAxisTitle(nz(yLabel)).build();
    var s = chart.getStyler();
    style(s);
    s.setXAxisTitleVisible(false);
    s.setYAxisTitleVisible(!nz(yLabel).isBlank());
    s.setOverlapped(true); // one series per label, each with a value in its own category only
    s.setAvailableSpaceFill(0.7);
    s.setErrorBarsColorSeriesColor(false);
    s.setErrorBarsColor(ERROR_BAR_COLOUR);
    s.setPlotGridVerticalLinesVisible(false);
    s.setLegendPosition(LegendPosition.OutsideS);
    s.setLegendLayout(LegendLayout.Horizontal);

    int n = labels.size();
    List<String> categories = n == 0 ? List.of(" ") : tickLabels(labels);
    int rotation = rotationFor(categories, n);
    s.setXAxisLabelRotation(rotation);
    if (rotation != 0) {
      // Each label ends at its tick, tops level under the axis; room on the left for the first one
      // (XChart drops a tick label that would start left of the image).
      s.setXAxisLabelAlignment(TextAlignment.Right);
      s.setXAxisLabelAlignmentVertical(TextAlignment.Right);
      FontMetrics fm = metrics(TICK_FONT);
      double a = Math.toRadians(rotation);
      double first = fm.stringWidth(categories.get(0)) * Math.cos(a) + fm.getHeight() * Math.sin(a);
      s.setYAxisLeftWidthHint((int) Math.ceil(first - slotWidth(n) / 2 + 12));
    }

    boolean hasReference = referenceLine != null && Double.isFinite(referenceLine);
    Set<String> names = new HashSet<>();
    int drawn = 0;
    for (int i = 0; i < n; i++) {
      Double v = values.get(i);
      if (v == null || !Double.isFinite(v)) {
        continue; // a failed run: its category stays, without a bar
      }
      // Only category i holds a value; the others hold NaN, which XChart leaves out of the axis range and
      // paints at NaN coordinates, that is not at all. (Nulls would do for the bars, but XChart's range code
      // for error bars cannot take them.)
      List<Double> y = new ArrayList<>(Collections.nCopies(n, Double.NaN));
      y.set(i, v);
      Double e = errors == null ? null : errors.get(i);
      CategorySeries series;
      if (e != null && Double.isFinite(e) && e != 0) {
        // One error per category, as XChart walks them; only category i's shows.
        series = chart.addSeries(unique(labels.get(i), names), categories, y, Collections.nCopies(n, Math.abs(e)));
      } else {
        series = chart.addSeries(unique(labels.get(i), names), categories, y);
      }
      series.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Bar);
      Color c = palette.colour(labels.get(i));
      series.setFillColor(c);
      series.setLineColor(c);
      series.setMarkerColor(c);
      series.setShowInLegend(false); // the x ticks name the bars
      drawn++;
    }
    if (hasReference) {
      // The line itself is an annotation across the whole plot; this series gives it its legend entry and
      // keeps it within the y range, and draws nothing (a line through a single point is no line).
      List<Double> y = new ArrayList<>(Collections.nCopies(categories.size(), (Double) null));
      y.set(0, referenceLine);
      CategorySeries ref = chart.addSeries(unique(referenceLabel == null || referenceLabel.isBlank()
          ? "reference" : referenceLabel, names), categories, y);
      ref.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Line);
      ref.setLineColor(REFERENCE_COLOUR);
      ref.setLineStyle(REFERENCE_STROKE);
      ref.setMarker(SeriesMarkers.NONE);
      s.setAnnotationLineColor(REFERENCE_COLOUR);
      s.setAnnotationLineStroke(REFERENCE_STROKE);
      chart.addAnnotation(new AnnotationLine(referenceLine, false, false));
      drawn++;
    }
    if (drawn == 0) {
      // Nothing to draw (every run failed): an empty frame with the labels, still a valid chart.
      CategorySeries empty = chart.addSeries(unique("no values", names), categories,
          Collections.nCopies(categories.size(), 0.0));
      empty.setShowInLegend(false);
      empty.setFillColor(Color.WHITE);
      chart.setTitle(nz(title) + " (no values)");
    }
    s.setLegendVisible(hasReference);
    return chart;
  }

  // --------------------------------------------------------------------------------------------- lines

  /**
   * Series name to (x, y) points, on shared axes with a legend and markers (series of at most
   * {@value #MAX_POINTS_WITH_MARKERS} points); points are sorted by x, non-finite points are left out, and
   * with {@code logX} so are points with x &lt;= 0. Colours follow the series' order.
   */
  public static void lines(Path file, String title, String xLabel, String yLabel,
      Map<String, List<double[]>> series, boolean logX) throws IOException {
    lines(file, title, xLabel, yLabel, series, logX, Palette.of(new ArrayList<>(series.keySet())));
  }

  /** As {@link #lines(Path, String, String, String, Map, boolean)}, with the colours of {@code palette}. */
  public static void lines(Path file, String title, String xLabel, String yLabel,
      Map<String, List<double[]>> series, boolean logX, Palette palette) throws IOException {
    write(lineChart(title, xLabel, yLabel, series, logX, palette), file);
  }

  static XYChart lineChart(String title, String xLabel, String yLabel, Map<String, List<double[]>> series,
      boolean logX, Palette palette) {
    Objects.requireNonNull(palette, "palette");
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(nz(title))
        .xAxisTitle(nz(xLabel)).yAxisTitle(nz(yLabel)).build();
    var s = chart.getStyler();
    style(s);
    s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setXAxisTitleVisible(!nz(xLabel).isBlank());
    s.setYAxisTitleVisible(!nz(yLabel).isBlank());
    s.setXAxisLogarithmic(logX);
    s.setXAxisTickMarkSpacingHint(90);
    // A pattern, not a formatting function: XChart's function path turns a log axis linear and packs
    // ticks onto equally spaced data (iterations) regardless of the spacing hint.
    s.setXAxisDecimalPattern("#,##0.###");
    s.setMarkerSize(7);
    legendFor(s, series.keySet());

    int m = 0;
    for (var e : series.entrySet()) {
      List<double[]> pts = new ArrayList<>();
      for (double[] p : e.getValue()) {
        if (p != null && p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1]) && (!logX || p[0] > 0)) {
          pts.add(p);
        }
      }
      if (pts.isEmpty()) {
        continue;
      }
      pts.sort(Comparator.comparingDouble(p -> p[0]));
      double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
      XYSeries xy = chart.addSeries(e.getKey(), x, y);
      xy.setLabel(shorten(e.getKey(), MAX_LEGEND_CHARS));
      Color c = palette.colour(e.getKey());
      xy.setLineColor(c);
      xy.setMarkerColor(c);
      xy.setFillColor(c);
      xy.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      xy.setMarker(pts.size() <= MAX_POINTS_WITH_MARKERS ? MARKERS[m % MARKERS.length] : SeriesMarkers.NONE);
      m++;
    }
    if (!logX) {
      roundTicks(chart);
    }
    if (chart.getSeriesMap().isEmpty()) {
      XYSeries empty = chart.addSeries("no points", new double[] {1}, new double[] {0});
      empty.setShowInLegend(false);
      empty.setMarker(SeriesMarkers.NONE);
      empty.setLineStyle(SeriesLines.NONE);
      chart.setTitle(nz(title) + " (no points)");
      s.setLegendVisible(false);
    }
    return chart;
  }

  /**
   * XChart puts the ticks of an x axis whose data are equally spaced (iterations logged every n steps) on
   * data values, packed as tight as the labels allow (2,900, 5,800, ...). One invisible point off that
   * spacing, inside the data's range, gives the usual round ticks at the spacing hint instead.
   */
  private static void roundTicks(XYChart chart) {
    XYSeries first = null;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (XYSeries xy : chart.getSeriesMap().values()) {
      first = first == null ? xy : first;
      for (double x : xy.getXData()) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (first == null || !(hi > lo)) {
      return;
    }
    XYSeries helper = chart.addSeries(" tick spacing", new double[] {lo + (hi - lo) / Math.PI},
        new double[] {first.getYData()[0]});
    helper.setShowInLegend(false);
    helper.setMarker(SeriesMarkers.NONE);
    helper.setLineStyle(SeriesLines.NONE);
  }

  // -------------------------------------------------------------------------------------------- shared

  private static void style(AxesChartStyler s) {
    s.setAntiAlias(true);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(AXIS_COLOUR);
    s.setAxisTicksLineVisible(false); // the plot border is the axis line
    s.setPlotGridLinesVisible(true);
    s.setPlotGridLinesColor(GRID_COLOUR);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setChartTitleFont(TITLE_FONT);
    s.setChartTitleBoxVisible(false);
    s.setChartFontColor(Color.BLACK);
    s.setAxisTitleFont(AXIS_TITLE_FONT);
    s.setAxisTickLabelsFont(TICK_FONT);
    s.setAxisTickLabelsColor(new Color(0x333333));
    s.setAxisTickMarksColor(AXIS_COLOUR);
    s.setLegendFont(LEGEND_FONT);
    s.setLegendBorderColor(new Color(0xCCCCCC));
    s.setLegendBackgroundColor(Color.WHITE);
    s.setLegendSeriesLineLength(28);
    s.setChartPadding(10);
    s.setPlotMargin(6);
    s.setToolTipsEnabled(false);
    s.setLocale(Locale.ROOT);
  }

  /** Legend beside the plot, where it cannot cover the data: below for a few short names, else to the right. */
  private static void legendFor(AxesChartStyler s, Iterable<String> names) {
    int total = 0;
    int count = 0;
    FontMetrics fm = metrics(LEGEND_FONT);
    for (String name : names) {
      total += fm.stringWidth(shorten(name, MAX_LEGEND_CHARS)) + 28 + 3 * 8;
      count++;
    }
    if (total <= WIDTH - 80) {
      s.setLegendPosition(LegendPosition.OutsideS);
      s.setLegendLayout(LegendLayout.Horizontal);
    } else {
      s.setLegendPosition(LegendPosition.OutsideE);
      s.setLegendLayout(LegendLayout.Vertical);
    }
    s.setLegendVisible(count > 0);
  }

  /** Tick labels: shortened when very long, and unique (XChart keys categories by their text). */
  private static List<String> tickLabels(List<String> labels) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String l : labels) {
      out.add(unique(shorten(nz(l), MAX_TICK_LABEL_CHARS), seen));
    }
    return out;
  }

  /** 0 when every tick label fits its slot, else 45 degrees, or 90 for many narrow slots. */
  private static int rotationFor(List<String> ticks, int n) {
    if (n == 0) {
      return 0;
    }
    FontMetrics fm = metrics(TICK_FONT);
    int widest = ticks.stream().mapToInt(fm::stringWidth).max().orElse(0);
    double slot = slotWidth(n);
    if (widest <= slot - 8) {
      return 0;
    }
    return slot < fm.getHeight() * 1.6 ? 90 : 45;
  }

  /** About the width of one category of a bar chart (the plot less the y axis and padding). */
  private static double slotWidth(int n) {
    return (WIDTH - 110.0) / Math.max(1, n);
  }

  private static FontMetrics metrics(Font font) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }

  private static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max - 3) + "..." : s;
  }

  private static String unique(String name, Set<String> taken) {
    String n = name;
    for (int k = 2; !taken.add(n); k++) {
      n = name + " (" + k + ")";
    }
    return n;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void write(Chart<?, ?> chart, Path file) throws IOException {
    BufferedImage img = BitmapEncoder.getBufferedImage(chart);
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(img, "png", out)) {
        throw new IOException("no PNG writer in this Java runtime");
      }
    });
  }
}
