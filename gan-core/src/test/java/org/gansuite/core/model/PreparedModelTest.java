package org.gansuite.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.gansuite.core.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class PreparedModelTest {

  @TempDir Path tmp;

  /** A model whose preparation counts its calls and hands the graph a typed product. */
  private static final class Counting implements GanModelProvider<Integer> {
    final TinyGan tiny = new TinyGan();
    int prepared;
    Integer built;

    @Override public String name() { return "counting"; }
    @Override public String description() { return "test"; }
    @Override public String objective() { return "JS"; }
    @Override public int defaultEpochs() { return 1; }
    @Override public HyperParameters defaults() { return tiny.defaults(); }

    @Override
    public Preparation<Integer> prepare(ModelSpec spec, PrepareContext ctx) {
      prepared++;
      return Preparation.of(Map.of("calls", Integer.toString(prepared)), 40 + prepared);
    }

    @Override
    public Preparation<Integer> structureOnly(ModelSpec spec) {
      return Preparation.of(Map.of(), 0);
    }

    @Override
    public GanGraph build(Ops tf, BuildContext<Integer> ctx) {
      built = ctx.products();
      return tiny.build(tf, BuildContext.of(ctx.spec()));
    }
  }

  @Test
  void buildsWithTheProductsOfItsPreparation() throws IOException {
    var model = new Counting();
    var spec = new ModelSpec("counting", new ImageShape(4, 4, 1), 8, 4, 1, model.defaults());
    var data = TinyDatasets.gradients(16, new ImageShape(4, 4, 1), 3);
    GanModelProvider<?> unknown = model;
    var prepared = PreparedModel.prepare(unknown, spec, TrainConfig.builder(tmp).build().prepareContext(data));
    assertEquals(1, model.prepared);
    assertEquals(Map.of("calls", "1"), prepared.identity());
    try (Graph g = new Graph()) {
      prepared.build(Ops.create(g));
    }
    assertEquals(41, model.built);
    try (Graph g = new Graph()) {
      PreparedModel.structureOnly(unknown, spec).build(Ops.create(g));
    }
    assertEquals(0, model.built);
    assertEquals(1, model.prepared, "structure only does not prepare");
  }

  @Test
  void labelsDefaultToTheNameAndNoPaperRow() {
    var tiny = new TinyGan();
    assertEquals("tiny-gan", tiny.displayName());
    assertEquals(Optional.empty(), tiny.paperRow());
    assertEquals(Preparation.none(), tiny.structureOnly(null));
  }

  @Test
  void registryListsByNameAndAnUnknownNameIsAUserError() {
    var registry = ModelRegistry.of(List.of(new Counting(), new TinyGan()));
    assertEquals(List.of("counting", "tiny-gan"), registry.all().stream().map(GanModelProvider::name).toList());
    var e = assertThrows(IllegalArgumentException.class, () -> registry.get("nope"));
    assertInstanceOf(UserError.class, e);
    assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("counting"), e.getMessage());
  }
}
