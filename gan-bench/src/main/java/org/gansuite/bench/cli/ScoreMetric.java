package org.gansuite.bench.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The per-image metrics of {@code score}: clarity of one folder, PSNR and SSIM against a reference folder. */
enum ScoreMetric {
  CLARITY(false), PSNR(true), SSIM(true);

  private final boolean needsReference;

  ScoreMetric(boolean needsReference) {
    this.needsReference = needsReference;
  }

  boolean needsReference() {
    return needsReference;
  }

  /** The lower-case name used on the command line, in JSON keys and CSV headers. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Case-insensitive names, with the valid choices in the error. */
  static final class Converter implements ITypeConverter<ScoreMetric> {
    @Override
    public ScoreMetric convert(String value) {
      for (ScoreMetric m : values()) {
        if (m.key().equals(value.trim().toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      throw new TypeConversionException("unknown metric '" + value + "'; choose from "
          + Arrays.stream(values()).map(ScoreMetric::key).collect(Collectors.joining(", ")));
    }
  }
}
