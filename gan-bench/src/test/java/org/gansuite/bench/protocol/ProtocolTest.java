package org.gansuite.bench.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gansuite.core.UserError;
import org.gansuite.core.model.ModelRegistry;
import org.junit.jupiter.api.Test;

/** Rows come from the model registry (all nine models and the test-only tiny-gan are on this class path). */
class ProtocolTest {

  final ModelRegistry registry = ModelRegistry.load();

  @Test
  void paperTablesListTheRegisteredModelsWithPaperRowsInThePapersOrder() {
    var p = Protocol.of(Table.CIFAR10, registry, 2);
    // sagan-wgan-gp reads the same paper row as sagan-hinge (the Wasserstein SAGAN row), so it follows it.
    assertEquals(List.of("BEGAN", "DCGAN", "LSGAN", "WGAN", "WGAN-GP", "SAGAN (hinge)", "SAGAN (WGAN-GP)", "SAGAN (JS)",
        "proposed"), p.labels());
    assertEquals(List.of("began", "dcgan", "lsgan", "wgan", "wgan-gp", "sagan-hinge", "sagan-wgan-gp", "sagan-js", "proposed"),
        p.entries().stream().map(Entry::model).toList());
    assertEquals(PaperValues.CIFAR10, p.paper());
    assertEquals(10_000, p.samples());
    assertEquals(Protocol.INCEPTION, p.extractor());
    assertEquals(2, p.seeds());
    var quick = Protocol.of(Table.QUICK, registry, 1);
    assertEquals(p.labels(), quick.labels());
    assertEquals(Map.of("ae_max_iterations", "200", "gf", "16", "df", "16"), quick.entries().get(8).hyper());
    assertEquals(Map.of("n", "8", "h", "32"), quick.entries().get(0).hyper(), "BEGAN's widths are n and h");
    var sagans = quick.entries().stream().filter(x -> x.model().startsWith("sagan-"))
        .collect(java.util.stream.Collectors.toMap(x -> x.model(), x -> x.hyper()));
    assertEquals(Map.of("gf", "16", "df", "16", "lr_g", "4e-4"), sagans.get("sagan-hinge"));
    assertEquals(Map.of("gf", "16", "df", "16", "lr_g", "4e-4"), sagans.get("sagan-js"));
    assertEquals(Map.of("gf", "16", "df", "16"), sagans.get("sagan-wgan-gp"), "it learns at the paper's rates");
    assertEquals(Protocol.QUICK_GFLOP, quick.budgetGflop());
    assertEquals(Protocol.QUICK_BATCH, quick.batch());
    assertEquals(Protocol.PAPER_BATCH, Protocol.of(Table.CIFAR10, registry, 1).batch());
    assertEquals(0, quick.budgetImages());
    assertEquals(List.of(), quick.paper());
  }

  @Test
  void modelsAllAddsEveryOtherRegisteredModelAndNamesAreChecked() {
    var all = Protocol.of(Table.QUICK, registry, 1).withModels(List.of(Protocol.ALL), registry);
    assertEquals(10, all.entries().size());
    assertEquals("tiny-gan", all.entries().get(9).model());
    var two = Protocol.of(Table.QUICK, registry, 1).withModels(List.of("tiny-gan", "proposed"), registry);
    assertEquals(List.of("tiny-gan", "proposed"), two.labels());
    assertEquals(Map.of("ae_max_iterations", "200", "gf", "16", "df", "16"), two.entries().get(1).hyper(),
        "quick keeps its pre-training budget and widths");
    assertEquals(Map.of(), two.entries().get(0).hyper(), "tiny-gan declares no width");
    var e = assertThrows(UserError.class, () -> Protocol.of(Table.QUICK, registry, 1).withModels(List.of("dcgan", "nope"), registry));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    var variants = Protocol.of(Table.CIFAR10_VARIANTS, registry, 1).withModels(List.of("proposed"), registry);
    assertEquals(List.of("normal features", "uniform features", "L1", "L2*", "L2 (proposed)"), variants.labels());
  }

  @Test
  void lambdaAblationRunsTheProposedModelOnTheQuickProtocol() {
    var p = Protocol.of(Table.parse("lambda"), registry, 1);
    assertEquals(List.of("λ = 0", "λ = 0.1", "λ = 0.5", "λ = 1", "λ = 2", "λ = 5"), p.labels());
    assertEquals(Map.of("lambda", "0.5", "ae_max_iterations", "200", "gf", "16", "df", "16"), p.entries().get(2).hyper());
    assertEquals(Protocol.QUICK_GFLOP, p.budgetGflop());
    assertEquals(Protocol.CLASSIFIER, p.extractor());
    assertTrue(!Table.LAMBDA.needsItsData());
  }

  @Test
  void hyperParameterOverridesApplyWhereDeclaredAndAreCheckedBeforeAnyWork() {
    var quick = Protocol.of(Table.QUICK, registry, 1);
    var p = quick.withHyper(Map.of("lr", "0.001", "wgan.clip", "0.02", "began.lr", "0.0005"), registry);
    var byModel = new java.util.HashMap<String, Map<String, String>>();
    p.entries().forEach(e -> byModel.put(e.model(), e.hyper()));
    assertEquals(Map.of("lr", "0.001", "gf", "16", "df", "16"), byModel.get("dcgan"));
    assertEquals(Map.of("lr", "0.001", "clip", "0.02", "gf", "16", "df", "16"), byModel.get("wgan"));
    assertEquals(Map.of("lr", "0.0005", "n", "8", "h", "32"), byModel.get("began"), "MODEL.NAME wins over NAME");
    assertEquals(Map.of("gf", "16", "df", "16", "ae_max_iterations", "200"), byModel.get("proposed").entrySet().stream()
        .filter(x -> !x.getKey().equals("lr")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    var unknown = assertThrows(UserError.class, () -> quick.withHyper(Map.of("nope", "1"), registry));
    assertEquals("--hp nope: no model of this table has a hyper-parameter 'nope'", unknown.getMessage());
    var absent = assertThrows(UserError.class, () -> quick.withHyper(Map.of("tiny-gan.lr", "1"), registry));
    assertEquals("--hp tiny-gan.lr: no row of this table is model 'tiny-gan'", absent.getMessage());
    var malformed = assertThrows(UserError.class, () -> quick.withHyper(Map.of("wgan.clip", "wide"), registry));
    assertTrue(malformed.getMessage().contains("hyper-parameter clip: cannot read 'wide'"), malformed.getMessage());
  }

  @Test
  void tablesKnowTheirKeysDataAndOutputs() {
    assertEquals(Table.CIFAR10, Table.parse("6"));
    assertEquals(Table.QUICK, Table.parse("quick"));
    var e = assertThrows(UserError.class, () -> Table.parse("9"));
    assertEquals("no comparison table 9; tables: quick, lambda, 1, 2, 3, 4, 5, 6", e.getMessage());
    assertEquals("celeba:DIR", Table.CELEBA_VARIANTS.dataHint());
    assertTrue(Table.CIFAR10.needsItsData() && !Table.QUICK.needsItsData());
    assertEquals(Table.CELEBA, Table.TIME.runsOf("celeba:/data/celeba"));
    assertEquals(Table.CIFAR10, Table.TIME.runsOf("cifar10:/data"));
    assertEquals("time.md", Table.TIME.mainOutput());
    assertEquals("table.md", Table.CELEBA.mainOutput());
    assertThrows(UserError.class, () -> Protocol.of(Table.TIME, registry, 1));
  }
}
