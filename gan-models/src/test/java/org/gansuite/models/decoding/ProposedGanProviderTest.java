package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.PreparedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class ProposedGanProviderTest {

  @TempDir Path tmp;

  @Test
  void tablesLabelItAsThePaperDoes() {
    var p = ModelRegistry.load().get("proposed");
    assertEquals("proposed", p.displayName());
    assertEquals(Optional.of("proposed"), p.paperRow());
  }

  @Test
  void lambdaZeroPreparesNothingAndStructureOnlyBuildsWithoutPreparing() throws IOException {
    var provider = new ProposedGanProvider();
    var dcgan = Tiny.spec(Map.of("lambda", "0"));
    var none = provider.prepare(dcgan, Tiny.config(tmp).build().prepareContext(AutoEncoderTrainingTest.DATA));
    assertEquals(Optional.empty(), none.products());
    assertTrue(none.identity().isEmpty());
    try (Graph g = new Graph()) {
      var gg = PreparedModel.structureOnly(provider, Tiny.spec(Map.of())).build(Ops.create(g));
      assertTrue(gg.batchFeeds().isPresent(), "the decoding step's feeds exist, failing if run");
    }
    assertTrue(!tmp.resolve("autoencoder").toFile().exists(), "no auto-encoder was trained");
  }
}
