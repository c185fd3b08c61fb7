package org.gansuite.bench.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gansuite.core.UserError;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;

/**
 * What {@code reproduce} runs and how it measures: the table, its rows, the training budget, and
 * the evaluation protocol (sample count, extractor, seeds). Stored with every result.
 *
 * @param table the table built from the runs
 * @param entries the rows, in table order
 * @param epochs epochs per model (0: each model's paper budget)
 * @param budgetImages real images per model (0: no image budget)
 * @param budgetGflop counted training GFLOP per model, preparation included (0: no compute budget)
 * @param samples generated images scored per run
 * @param referenceSamples training images behind the reference statistics
 * @param extractor feature extractor name
 * @param seeds seeds per row (1, 2, ...): tables show mean ± std over them
 */
public record Protocol(Table table, List<Entry> entries, int epochs, long budgetImages, double budgetGflop, int samples,
    int referenceSamples, String extractor, int seeds) {

  /** The Inception network of the paper's tables (pool_3 features, TF graph of 2015-12-05). */
  public static final String INCEPTION = "inception-2015-12-05";
  /** The Fashion-MNIST classifier the suite trains once and caches, for the quick protocol. */
  public static final String CLASSIFIER = "fashion-mnist-classifier";
  /** Seed of the subset of training images that the training-set row scores. */
  public static final long TRAINING_SUBSET_SEED = 12345;
  /** Seed of the reference subset and (plus the run's seed) of KID's subsets. */
  public static final long EVALUATION_SEED = 777;
  /** Offset of the seed of the z drawn for scoring: {@code SAMPLING_SEED_OFFSET + run seed}. */
  public static final long SAMPLING_SEED_OFFSET = 1_000_000L;
  /** Auto-encoder pre-training iterations of the proposed model in the quick protocol. */
  static final String QUICK_AE_ITERATIONS = "60";
  /** {@code --models all}: every registered model. */
  public static final String ALL = "all";

  public Protocol {
    Objects.requireNonNull(table, "table");
    entries = List.copyOf(entries);
    if (samples < 2 || referenceSamples < 2 || seeds < 1 || epochs < 0 || budgetImages < 0 || !(budgetGflop >= 0)) {
      throw new UserError("bad protocol: samples " + samples + ", reference samples " + referenceSamples
          + ", seeds " + seeds + ", epochs " + epochs + ", budget images " + budgetImages + ", budget GFLOP " + budgetGflop
          + " (samples and reference samples at least 2, seeds at least 1, the others not negative)");
    }
  }

  /** The published rows printed beside ours. */
  public List<PaperValues.Row> paper() {
    return table.paper();
  }

  /**
   * The table's default protocol with the registry's models: for a comparison table every model
   * that has a row in the paper's Tables 5/6, in the paper's order (the quick protocol adds a short
   * auto-encoder pre-training for the proposed model); for Tables 2/3 the proposed model's variants.
   */
  public static Protocol of(Table table, ModelRegistry registry, int seeds) {
    return switch (table) {
      case QUICK -> new Protocol(table, quickEntries(paperModels(registry)), 1, 6400, 0, 2048, 10_000, CLASSIFIER, seeds);
      case CELEBA, CIFAR10 -> new Protocol(table, paperModels(registry), 0, 0, 0, 10_000, 50_000, INCEPTION, seeds);
      case CELEBA_VARIANTS, CIFAR10_VARIANTS -> new Protocol(table, VARIANTS, 0, 0, 0, 10_000, 50_000, INCEPTION, seeds);
      case TIME, RECONSTRUCTION -> throw new UserError("table " + table + " has no run matrix of its own (Table 4 is "
          + "built from the runs of Tables 5/6, Table 1 by reproduce --table 1)");
    };
  }

  /**
   * The rows for {@code --models}: {@code all} is every registered model (the paper's first, in its
   * order); otherwise each named model, refused before any work when not registered. In Tables 2/3
   * the names select the variants of those models.
   */
  public Protocol withModels(List<String> names, ModelRegistry registry) {
    List<Entry> rows = new ArrayList<>();
    if (names.size() == 1 && names.get(0).equals(ALL)) {
      rows.addAll(paperModels(registry));
      registry.all().stream().filter(p -> p.paperRow().isEmpty()).sorted(Comparator.comparing(GanModelProvider::name))
          .forEach(p -> rows.add(Entry.of(p)));
    } else {
      for (String name : names) {
        var provider = registry.get(name);
        var own = entries.stream().filter(e -> e.model().equals(provider.name())).toList();
        rows.addAll(own.isEmpty() ? List.of(Entry.of(provider)) : own);
      }
    }
    return new Protocol(table, table == Table.QUICK ? quickEntries(rows) : rows, epochs, budgetImages, budgetGflop,
        samples, referenceSamples, extractor, seeds);
  }

  public Protocol withEpochs(int e) {
    return new Protocol(table, entries, e, budgetImages, budgetGflop, samples, referenceSamples, extractor, seeds);
  }

  public Protocol withBudgetImages(long b) {
    return new Protocol(table, entries, epochs, b, budgetGflop, samples, referenceSamples, extractor, seeds);
  }

  public Protocol withBudgetGflop(double g) {
    return new Protocol(table, entries, epochs, budgetImages, g, samples, referenceSamples, extractor, seeds);
  }

  public Protocol withSamples(int s) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, s, referenceSamples, extractor, seeds);
  }

  public Protocol withExtractor(String name) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, samples, referenceSamples, name, seeds);
  }

  /** The labels of the rows in table order. */
  public List<String> labels() {
    return entries.stream().map(Entry::label).toList();
  }

  /** Registered models with a row in the paper's Tables 5/6, in the paper's row order. */
  static List<Entry> paperModels(ModelRegistry registry) {
    List<String> order = PaperValues.CIFAR10.stream().map(PaperValues.Row::label).toList();
    return registry.all().stream().filter(p -> p.paperRow().isPresent())
        .sorted(Comparator.comparingInt(p -> order.indexOf(p.paperRow().get())))
        .map(Entry::of).toList();
  }

  /** The quick protocol pre-trains the proposed model's auto-encoder briefly (its budget is minutes). */
  private static List<Entry> quickEntries(List<Entry> rows) {
    return rows.stream().map(e -> e.model().equals("proposed") && !e.hyper().containsKey("ae_max_iterations")
        ? e.with(Map.of("ae_max_iterations", QUICK_AE_ITERATIONS)) : e).toList();
  }

  /** The five rows of Tables 2/3: the proposed model's decoding variants. */
  static final List<Entry> VARIANTS = List.of(
      new Entry("proposed", "normal features", Map.of("feature_source", "normal")),
      new Entry("proposed", "uniform features", Map.of("feature_source", "uniform")),
      new Entry("proposed", "L1", Map.of("decoding_loss", "l1")),
      new Entry("proposed", "L2*", Map.of("decoding_loss", "l2star")),
      new Entry("proposed", "L2 (proposed)", Map.of()));
}
