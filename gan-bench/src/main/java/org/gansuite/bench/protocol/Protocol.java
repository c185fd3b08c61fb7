package org.gansuite.bench.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gansuite.core.UserError;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.metrics.InceptionScore;

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
 * @param during the evaluations during training
 * @param checkpoint which checkpoint the tables score
 * @param batch the training batch of every model
 */
public record Protocol(Table table, List<Entry> entries, int epochs, long budgetImages, double budgetGflop, int samples,
    int referenceSamples, String extractor, int seeds, During during, Checkpoint checkpoint, int batch) {

  /** The checkpoint a table scores. */
  public enum Checkpoint {
    /** The last one: what the budget bought. */
    FINAL,
    /** The one with the lowest FID among the evaluations during training (GAN FIDs often worsen late). */
    BEST
  }

  /**
   * Evaluations during training: FID and KID (and IS where the extractor classifies) of {@code samples}
   * images at iteration 0, every {@code every} iterations (0: at about {@code points} evenly spread
   * ones) and at the end. {@code samples} 0: none.
   */
  public record During(int samples, long every, int points) {
    public During {
      if (samples < 0 || every < 0 || points < 0) {
        throw new UserError("evaluations during training: samples, interval and points must not be negative");
      }
    }

    public String describe() {
      return samples == 0 ? "none" : "FID/KID of " + samples + " samples at iteration 0, "
          + (every > 0 ? "every " + every + " iterations" : "about " + points + " evenly spread points") + " and the end";
    }
  }

  /** The default evaluations during training: 512 samples at about 8 points of every run. */
  public static final During DURING = new During(512, 0, 8);

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
  /** Auto-encoder pre-training iterations of the proposed model in the quick protocol (6,400 images). */
  static final String QUICK_AE_ITERATIONS = "200";
  /**
   * The quick protocol's narrower networks, set on every model that declares these
   * hyper-parameters: a quarter of the paper's widths for the DCGAN-family networks (gf = df = 16, a
   * sixteenth of their convolution compute per image) and an eighth of BEGAN's filters (n = 8, with
   * h = 32). BEGAN's convolutions run at full resolution, so at n = h = 32 its 1,200 GFLOP bought 27
   * iterations, at n = 8 427 (gan-baselines README). At the quick budget they buy several hundred
   * iterations, enough for garments to appear; the paper tables keep the paper's widths.
   */
  static final Map<String, String> QUICK_WIDTHS = Map.of("gf", "16", "df", "16", "n", "8", "h", "32");
  /**
   * Per-model settings of the quick protocol. SAGAN's two time-scale rates (G 1e-4, D 4e-4) collapse
   * at the quick widths: sagan-hinge fell from FID 287.5 to 55.9 in 50 iterations, then rose to 71.2
   * with one mode; with G at D's rate, 4e-4, it ended at 56.1 and still falling, with varied shirt
   * shapes (sagan-js: 71.4 at the paper's rates, 56.9 with G at 4e-4; Fashion-MNIST, gf = df = 16,
   * batches of 32, 1,200 GFLOP, seed 1). sagan-wgan-gp, which learns at the paper's rates, keeps them.
   */
  static final Map<String, Map<String, String>> QUICK_MODEL_SETTINGS = Map.of(
      "sagan-hinge", Map.of("lr_g", "4e-4"), "sagan-js", Map.of("lr_g", "4e-4"));
  /** The quick protocol's compute budget per model: counted training GFLOP, pre-training included. */
  public static final double QUICK_GFLOP = 1200;
  /** The paper tables' training batch (DCGAN's and the paper's 64). */
  public static final int PAPER_BATCH = 64;
  /**
   * The quick protocol's training batch: at a fixed compute budget, batches of 32 buy twice the
   * iterations of 64, and early in training iterations matter more than batch size (DCGAN at
   * gf = df = 16 and 1,200 GFLOP on Fashion-MNIST: FID 42.0 after 611 iterations of 32 against 68.6
   * after 305 of 64, both from 103.2).
   */
  public static final int QUICK_BATCH = 32;
  /** {@code --models all}: every registered model. */
  public static final String ALL = "all";

  public Protocol {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(during, "during");
    Objects.requireNonNull(checkpoint, "checkpoint");
    entries = List.copyOf(entries);
    // Each named by the option that sets it.
    // IS cuts the samples into 10 consecutive splits (FID alone would need 2).
    atLeast("--samples", samples, InceptionScore.DEFAULT_SPLITS);
    atLeast("reference samples", referenceSamples, 2);
    atLeast("--seeds", seeds, 1);
    atLeast("--batch", batch, 1);
    atLeast("--epochs", epochs, 0);
    atLeast("--budget-images", budgetImages, 0);
    atLeast("--budget-gflop", budgetGflop, 0);
  }

  private static void atLeast(String name, double value, int min) {
    if (!(value >= min)) {
      throw new UserError(name + " must be " + (min == 0 ? "0 or more" : "at least " + min) + ", got "
          + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)));
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
      case QUICK, LAMBDA -> new Protocol(table, quickEntries(table == Table.QUICK ? paperModels(registry) : LAMBDAS,
          registry), 0, 0, QUICK_GFLOP, 2048, 10_000, CLASSIFIER, seeds, DURING, Checkpoint.FINAL, QUICK_BATCH);
      case CELEBA, CIFAR10 -> new Protocol(table, paperModels(registry), 0, 0, 0, 10_000, 50_000, INCEPTION, seeds,
          DURING, Checkpoint.FINAL, PAPER_BATCH);
      case CELEBA_VARIANTS, CIFAR10_VARIANTS -> new Protocol(table, VARIANTS, 0, 0, 0, 10_000, 50_000, INCEPTION, seeds,
          DURING, Checkpoint.FINAL, PAPER_BATCH);
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
    return new Protocol(table, table.quick() ? quickEntries(rows, registry) : rows, epochs, budgetImages, budgetGflop,
        samples, referenceSamples, extractor, seeds, during, checkpoint, batch);
  }

  /**
   * The rows with hyper-parameter overrides ({@code --hp}): {@code NAME=VALUE} applies to every row
   * whose model declares {@code NAME}, {@code MODEL.NAME=VALUE} to that model's rows only, and wins
   * over the plain form. Every override is checked before any work: a name no row's model declares,
   * a model that is not a row, or a value that does not parse is refused.
   */
  public Protocol withHyper(Map<String, String> overrides, ModelRegistry registry) {
    for (String key : overrides.keySet()) {
      int dot = key.indexOf('.');
      String model = dot < 0 ? null : key.substring(0, dot);
      String name = dot < 0 ? key : key.substring(dot + 1);
      boolean used = entries.stream().anyMatch(e -> (model == null || e.model().equals(model))
          && declared(registry, e).contains(name));
      if (!used) {
        throw new UserError("--hp " + key + ": " + (model != null && entries.stream().noneMatch(e -> e.model().equals(model))
            ? "no row of this table is model '" + model + "'" : "no model of this table has a hyper-parameter '" + name + "'"));
      }
    }
    List<Entry> rows = entries.stream().map(e -> {
      var declared = declared(registry, e);
      var own = new java.util.TreeMap<String, String>();
      overrides.forEach((k, v) -> {
        if (!k.contains(".") && declared.contains(k)) {
          own.put(k, v);
        }
      });
      overrides.forEach((k, v) -> {
        if (k.startsWith(e.model() + ".")) {
          own.put(k.substring(e.model().length() + 1), v);
        }
      });
      registry.get(e.model()).defaults().with(e.hyper()).with(own); // parses every value now
      return e.with(own);
    }).toList();
    return new Protocol(table, rows, epochs, budgetImages, budgetGflop, samples, referenceSamples, extractor, seeds,
        during, checkpoint, batch);
  }

  public Protocol withBatch(int b) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, samples, referenceSamples, extractor, seeds,
        during, checkpoint, b);
  }

  public Protocol withEpochs(int e) {
    return new Protocol(table, entries, e, budgetImages, budgetGflop, samples, referenceSamples, extractor, seeds, during, checkpoint, batch);
  }

  public Protocol withBudgetImages(long b) {
    return new Protocol(table, entries, epochs, b, budgetGflop, samples, referenceSamples, extractor, seeds, during, checkpoint, batch);
  }

  public Protocol withBudgetGflop(double g) {
    return new Protocol(table, entries, epochs, budgetImages, g, samples, referenceSamples, extractor, seeds, during, checkpoint, batch);
  }

  public Protocol withDuring(During d) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, samples, referenceSamples, extractor, seeds, d,
        checkpoint, batch);
  }

  public Protocol withCheckpoint(Checkpoint c) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, samples, referenceSamples, extractor, seeds,
        during, c, batch);
  }

  public Protocol withSamples(int s) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, s, referenceSamples, extractor, seeds, during, checkpoint, batch);
  }

  public Protocol withExtractor(String name) {
    return new Protocol(table, entries, epochs, budgetImages, budgetGflop, samples, referenceSamples, name, seeds, during, checkpoint, batch);
  }

  /** The hyper-parameter names a row's model declares. */
  private static java.util.Set<String> declared(ModelRegistry registry, Entry e) {
    return registry.get(e.model()).defaults().asMap().keySet();
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

  /**
   * The quick protocol's rows: {@link #QUICK_WIDTHS} where a model declares them, and a short
   * auto-encoder pre-training for the proposed model (its budget is minutes); a row's own overrides win.
   */
  private static List<Entry> quickEntries(List<Entry> rows, ModelRegistry registry) {
    return rows.stream().map(e -> {
      var quick = new java.util.TreeMap<String, String>();
      var declared = declared(registry, e);
      QUICK_WIDTHS.forEach((k, v) -> {
        if (declared.contains(k)) {
          quick.put(k, v);
        }
      });
      if (declared.contains("ae_max_iterations")) {
        quick.put("ae_max_iterations", QUICK_AE_ITERATIONS);
      }
      quick.putAll(QUICK_MODEL_SETTINGS.getOrDefault(e.model(), Map.of()));
      quick.putAll(e.hyper());
      return new Entry(e.model(), e.label(), quick);
    }).toList();
  }

  /** The five rows of Tables 2/3: the proposed model's decoding variants. */
  static final List<Entry> VARIANTS = List.of(
      new Entry("proposed", "normal features", Map.of("feature_source", "normal")),
      new Entry("proposed", "uniform features", Map.of("feature_source", "uniform")),
      new Entry("proposed", "L1", Map.of("decoding_loss", "l1")),
      new Entry("proposed", "L2*", Map.of("decoding_loss", "l2star")),
      new Entry("proposed", "L2 (proposed)", Map.of()));

  /** The lambda ablation's rows: lambda 0 is the DCGAN-equivalent control, 1 the default. */
  static final List<Entry> LAMBDAS = java.util.stream.Stream.of("0", "0.1", "0.5", "1", "2", "5")
      .map(l -> new Entry("proposed", "λ = " + l, Map.of("lambda", l))).toList();
}
