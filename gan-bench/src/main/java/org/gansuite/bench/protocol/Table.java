package org.gansuite.bench.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.gansuite.core.UserError;

/**
 * The tables {@code reproduce} can build: each knows its key on the command line, the data set it
 * needs, the published rows printed beside ours, and what it outputs.
 */
public enum Table {
  /** Every model of Tables 5/6 on the embedded Fashion-MNIST, minutes; no published values. */
  QUICK("quick", Kind.COMPARISON, null, List.of()),
  /**
   * The proposed model's lambda ablation (lambda 0, 0.1, 0.5, 1, 2, 5) on the quick protocol's
   * data, networks and compute budget; no published table has it.
   */
  LAMBDA("lambda", Kind.VARIANTS, null, List.of()),
  /** Table 1: the auto-encoder's reconstruction PSNR/SSIM over the data set. */
  RECONSTRUCTION("1", Kind.RECONSTRUCTION, null, List.of()),
  /** Table 2: the proposed model's decoding variants on CelebA 64x64. */
  CELEBA_VARIANTS("2", Kind.VARIANTS, "celeba:DIR", PaperValues.CELEBA_VARIANTS),
  /** Table 3: the proposed model's decoding variants on CIFAR-10 32x32. */
  CIFAR10_VARIANTS("3", Kind.VARIANTS, "cifar10:DIR", PaperValues.CIFAR10_VARIANTS),
  /** Table 4: the time costs of the Table 5/6 runs (it runs, or reuses, those). */
  TIME("4", Kind.TIME, "cifar10:DIR", List.of()),
  /** Table 5: the comparison on CelebA 64x64. */
  CELEBA("5", Kind.COMPARISON, "celeba:DIR", PaperValues.CELEBA),
  /** Table 6: the comparison on CIFAR-10 32x32. */
  CIFAR10("6", Kind.COMPARISON, "cifar10:DIR", PaperValues.CIFAR10);

  /** What a table is made of. */
  public enum Kind {
    /** One row per model (Tables 5/6 and the quick protocol). */
    COMPARISON,
    /** One row per variant of the proposed model (Tables 2/3, the lambda ablation). */
    VARIANTS,
    /** Times of the comparison runs (Table 4). */
    TIME,
    /** Auto-encoder reconstruction quality (Table 1). */
    RECONSTRUCTION
  }

  private final String key;
  private final Kind kind;
  private final String dataHint;
  private final List<PaperValues.Row> paper;

  Table(String key, Kind kind, String dataHint, List<PaperValues.Row> paper) {
    this.key = key;
    this.kind = kind;
    this.dataHint = dataHint;
    this.paper = paper;
  }

  /** Its name on the command line and in run folders: {@code quick}, {@code lambda}, {@code 1} ... {@code 6}. */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The published rows printed beside ours (empty where the paper has none). */
  public List<PaperValues.Row> paper() {
    return paper;
  }

  /** True when the default embedded data set will not do and {@code --data} must name the table's own. */
  public boolean needsItsData() {
    return dataHint != null;
  }

  /** The {@code --data} form of the data set the table was published on, e.g. {@code cifar10:DIR}. */
  public String dataHint() {
    return dataHint;
  }

  /** The table whose runs this one is built from: Table 4 reads the runs of Table 5 (CelebA) or 6. */
  public Table runsOf(String dataSpec) {
    return this == TIME ? (dataSpec.startsWith("celeba") ? CELEBA : CIFAR10) : this;
  }

  /** Whether the table uses the quick protocol's settings (narrow networks, compute budget, classifier). */
  public boolean quick() {
    return this == QUICK || this == LAMBDA;
  }

  /** The main output file of this table in {@code --out}. */
  public String mainOutput() {
    return kind == Kind.TIME ? "time.md" : "table.md";
  }

  /** Parses a command-line key. */
  public static Table parse(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key.trim())).findFirst()
        .orElseThrow(() -> new UserError("no comparison table " + key + "; tables: "
            + Arrays.stream(values()).map(Table::key).collect(Collectors.joining(", "))));
  }

  @Override
  public String toString() {
    return key;
  }
}
