package org.gansuite.bench.cli;

import com.opencsv.CSVWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gansuite.core.UserError;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.GreyConversion;
import org.gansuite.metrics.ImageFolderScores;
import org.gansuite.metrics.ImageFolderScores.ClarityScores;
import org.gansuite.metrics.ImageFolderScores.PairScores;
import org.gansuite.metrics.PsnrSsim;
import org.gansuite.core.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Clarity of a folder of images; PSNR and SSIM between the files of the same name in two folders. */
@Command(name = "score", description = "Clarity (by default the variance of the Laplacian; --clarity and "
    + "--clarity-kernel choose another reading) of a folder of PNG/JPEG images, and PSNR/SSIM between the files of the same name in --images and --reference (mean, std, min, max).")
final class ScoreCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--images", required = true, description = "Folder of PNG/JPEG images (e.g. generated or reconstructed).")
  Path images;

  @Option(names = "--reference", description = "Folder with the files of the same names (needed by psnr and ssim).")
  Path reference;

  @Option(names = "--metrics", split = ",", defaultValue = "clarity", converter = ScoreMetric.Converter.class,
      description = "Comma-separated: clarity, psnr, ssim.")
  List<ScoreMetric> metrics;

  @Option(names = "--per-image", description = "Also write each image's values to this CSV file (atomically).")
  Path perImage;

  @Mixin MetricOptions metric;

  @Mixin ClarityOptions clarityOptions = new ClarityOptions();

  @Override
  public Integer call() throws Exception {
    Set<ScoreMetric> chosen = EnumSet.copyOf(metrics);
    boolean pairs = chosen.contains(ScoreMetric.PSNR) || chosen.contains(ScoreMetric.SSIM);
    if (pairs && reference == null) {
      throw new UserError("psnr and ssim compare --images " + images + " with a --reference folder; give one");
    }
    ComputeDevice device = metric.device();
    Report report = new Report(device.toString());
    report.protocol("images", images.toAbsolutePath().normalize().toString());
    ClarityScores clarity = null;
    if (chosen.contains(ScoreMetric.CLARITY)) {
      ClarityDefinition reading = clarityOptions.definition();
      clarity = ImageFolderScores.clarity(images);
      report.define("clarity", reading.describe() + " (" + reading.options() + ")").values(clarity.toJson(reading));
      report.protocol("clarity_definitions", "clarity_<statistic>_k<kernel>_mean/_std: every reading, statistic "
          + Arrays.stream(ClarityDefinition.Statistic.values()).map(ClarityDefinition.Statistic::key).toList()
          + " of the kernel " + Arrays.stream(ClarityDefinition.Kernel.values()).map(ClarityDefinition.Kernel::key).toList()
          + " response; clarity_mean/_std: the one --clarity and --clarity-kernel chose");
      GreyConversion g = GreyConversion.OPENCV_4;
      int[] w = g.weights();
      report.protocol("grey_conversion", g.name() + ": (R*" + w[0] + " + G*" + w[1] + " + B*" + w[2] + " + "
          + (1 << (g.shift() - 1)) + ") >> " + g.shift() + " (grey files used as stored)");
    }
    PairScores scores = null;
    if (pairs) {
      scores = ImageFolderScores.psnrSsim(images, reference, device);
      report.protocol("reference", reference.toAbsolutePath().normalize().toString());
      for (ScoreMetric m : chosen) {
        if (m.needsReference()) {
          report.define(m.key(), m == ScoreMetric.PSNR ? PsnrSsim.PSNR_DEFINITION : PsnrSsim.SSIM_DEFINITION);
          scores.toJson().forEach((k, v) -> {
            if (k.startsWith(m.key() + "_")) {
              report.value(k, v);
            }
          });
        }
      }
      report.value("n", scores.names().size());
    }
    report.protocol("decoder", "PNG/JPEG files of the folder sorted by name, gan-core ImageDecoder (JPEG as "
        + "libjpeg-turbo/cv2 decodes it, grey PNG values exact, alpha dropped); images with R=G=B scored as one channel");
    if (perImage != null) {
      writeCsv(perImage, chosen, clarity, clarityOptions.definition(), scores);
      report.protocol("per_image_csv", perImage.toAbsolutePath().normalize().toString());
    }
    report.print(cmd.commandLine().getOut(), metric.json);
    return 0;
  }

  /**
   * One row per image: its name, then the chosen metrics' values ({@code inf} for identical pairs' PSNR),
   * clarity under {@code definition}.
   */
  private static void writeCsv(Path file, Set<ScoreMetric> chosen, ClarityScores clarity, ClarityDefinition definition,
      PairScores scores) throws java.io.IOException {
    double[] clarityValues = clarity == null ? null : clarity.values(definition);
    List<String> names = clarity != null ? clarity.names() : scores.names();
    AtomicFiles.write(file, out -> {
      CSVWriter csv = new CSVWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      List<String> header = new ArrayList<>(List.of("file"));
      chosen.forEach(m -> header.add(m.key()));
      csv.writeNext(header.toArray(String[]::new), false);
      for (int i = 0; i < names.size(); i++) {
        List<String> row = new ArrayList<>(List.of(names.get(i)));
        for (ScoreMetric m : chosen) {
          double v = switch (m) {
            case CLARITY -> clarityValues[i];
            case PSNR -> scores.psnr()[i];
            case SSIM -> scores.ssim()[i];
          };
          row.add(Double.isInfinite(v) ? "inf" : Double.toString(v));
        }
        csv.writeNext(row.toArray(String[]::new), false);
      }
      csv.flush();
    });
  }
}
