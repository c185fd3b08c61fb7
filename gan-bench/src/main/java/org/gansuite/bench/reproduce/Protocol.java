package org.gansuite.bench.reproduce;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code reproduce} runs and how it measures: the table, its rows, the training budget, and
 * the evaluation protocol (sample count, extractor, seeds). Stored with every result.
 *
 * @param table {@code 5}, {@code 6}, {@code 2}, {@code 3} or {@code quick}
 * @param entries the rows, in table order
 * @param paper the published rows to print beside ours (empty for the quick protocol)
 * @param epochs epochs per model (0: each model's paper budget)
 * @param budgetImages real images per model (0: no image budget), for the quick protocol
 * @param samples generated images scored per run
 * @param referenceSamples training images behind the reference statistics
 * @param extractor feature extractor name
 * @param seeds seeds per row (1, 2, ...): tables show mean ± std over them
 */
public record Protocol(String table, List<Entry> entries, List<PaperValues.Row> paper, int epochs, long budgetImages,
    int samples, int referenceSamples, String extractor, int seeds) {

  public static final String INCEPTION = "inception-2015-12-05";
  public static final String CLASSIFIER = "fashion-mnist-classifier";

  public Protocol {
    Objects.requireNonNull(table, "table");
    entries = List.copyOf(entries);
    paper = List.copyOf(paper);
    if (samples < 2 || referenceSamples < 2 || seeds < 1 || epochs < 0 || budgetImages < 0) {
      throw new IllegalArgumentException("bad protocol: samples " + samples + ", reference " + referenceSamples
          + ", seeds " + seeds + ", epochs " + epochs + ", budget " + budgetImages);
    }
  }

  /** The eight rows of Tables 5/6. */
  static final List<Entry> MODELS = List.of(
      Entry.of("began", "BEGAN"), Entry.of("dcgan", "DCGAN"), Entry.of("lsgan", "LSGAN"), Entry.of("wgan", "WGAN"),
      Entry.of("wgan-gp", "WGAN-GP"), Entry.of("sagan-hinge", "SAGAN (hinge)"), Entry.of("sagan-js", "SAGAN (JS)"),
      Entry.of("proposed", "proposed"));

  /** The five rows of Tables 2/3: the proposed model's decoding variants. */
  static final List<Entry> VARIANTS = List.of(
      new Entry("proposed", "normal features", Map.of("feature_source", "normal")),
      new Entry("proposed", "uniform features", Map.of("feature_source", "uniform")),
      new Entry("proposed", "L1", Map.of("decoding_loss", "l1")),
      new Entry("proposed", "L2*", Map.of("decoding_loss", "l2star")),
      Entry.of("proposed", "L2 (proposed)"));

  /** Tables 5/6 (2/3 for the variants) at the paper's budgets: 10,000 samples, Inception features. */
  public static Protocol paper(String table, int seeds) {
    return switch (table) {
      case "5" -> new Protocol("5", MODELS, PaperValues.CELEBA, 0, 0, 10_000, 50_000, INCEPTION, seeds);
      case "6" -> new Protocol("6", MODELS, PaperValues.CIFAR10, 0, 0, 10_000, 50_000, INCEPTION, seeds);
      case "2" -> new Protocol("2", VARIANTS, PaperValues.CELEBA_VARIANTS, 0, 0, 10_000, 50_000, INCEPTION, seeds);
      case "3" -> new Protocol("3", VARIANTS, PaperValues.CIFAR10_VARIANTS, 0, 0, 10_000, 50_000, INCEPTION, seeds);
      default -> throw new IllegalArgumentException("no comparison table " + table + "; tables: 1 to 6, or quick");
    };
  }

  /**
   * The quick protocol on the embedded default: every model of Tables 5/6 with the same budget of
   * real images, a short auto-encoder pre-training for the proposed model, 2,048 samples scored
   * with the Fashion-MNIST classifier. Its FIDs are for comparing the rows with each other, not
   * with published numbers.
   */
  public static Protocol quick(long budgetImages, int samples, int seeds) {
    List<Entry> entries = MODELS.stream()
        .map(e -> e.model().equals("proposed")
            ? new Entry("proposed", "proposed", Map.of("ae_max_iterations", "60")) : e)
        .toList();
    return new Protocol("quick", entries, List.of(), 1, budgetImages, samples, 10_000, CLASSIFIER, seeds);
  }
}
