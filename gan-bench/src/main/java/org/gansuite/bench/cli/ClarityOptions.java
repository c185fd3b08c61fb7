package org.gansuite.bench.cli;

import org.gansuite.metrics.ClarityDefinition;
import org.gansuite.metrics.ClarityDefinition.Kernel;
import org.gansuite.metrics.ClarityDefinition.Statistic;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --clarity} and {@code --clarity-kernel}: which reading of the paper's clarity a command
 * reports. Every reading is computed and stored anyway, so this picks what is shown, never what is
 * measured.
 */
final class ClarityOptions {

  @Option(names = "--clarity", defaultValue = "var", converter = StatisticConverter.class, description = "Clarity "
      + "statistic of the Laplacian response per image: var (variance, cv2.Laplacian(...).var(); default), std, "
      + "mean-abs (mean |L|), energy (mean L^2). The paper does not define its clarity; see gan-metrics/README.md.")
  Statistic statistic = Statistic.VAR;

  @Option(names = "--clarity-kernel", defaultValue = "4", converter = KernelConverter.class, description = "Clarity "
      + "kernel: 4 ([[0,1,0],[1,-4,1],[0,1,0]], cv2.Laplacian; default), 8 ([[1,1,1],[1,-8,1],[1,1,1]]), "
      + "141 ([[1,4,1],[4,-20,4],[1,4,1]]/6).")
  Kernel kernel = Kernel.FOUR;

  ClarityDefinition definition() {
    return new ClarityDefinition(statistic, kernel);
  }

  /** Picocli's usage error (exit code 2) with the choices. */
  static final class StatisticConverter implements ITypeConverter<Statistic> {
    @Override
    public Statistic convert(String value) {
      try {
        return Statistic.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("--clarity: " + e.getMessage());
      }
    }
  }

  static final class KernelConverter implements ITypeConverter<Kernel> {
    @Override
    public Kernel convert(String value) {
      try {
        return Kernel.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("--clarity-kernel: " + e.getMessage());
      }
    }
  }
}
