package org.gansuite.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.testing.TinyDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end. tiny-gan is a test-only provider known only through ServiceLoader
 * (gan-core's test-jar): it must be listed and train through the generic trainer.
 */
class CliTest {

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void listShowsServiceLoadedModelsWithExactParameterCounts() {
    Run r = run("list", "--shape", "8x8x1");
    assertEquals(0, r.code(), r.err());
    // tiny-gan at 8x8x1, z 100: G 100*32+32 + 32*64+64 = 5,344; D 64*32+32 + 32*1+1 = 2,113
    assertTrue(r.out().contains("Parameters at 8x8x1"), r.out());
    assertTrue(r.out().matches("(?s).*\ntiny-gan +tiny-gan +JS +1 +5,344 +2,113 +7,457\n.*"), r.out());
    // DCGAN's networks need sides divisible by 16: listed, with the reason.
    assertTrue(r.out().matches("(?s).*\ndcgan +DCGAN +JS +20 +— +— +—\n.*"), r.out());
    assertTrue(r.out().contains("dcgan: not buildable at 8x8x1"), r.out());
    // Both paper shapes by default, columns aligned: every row of a table has the header's length or less.
    Run both = run("list");
    assertTrue(both.out().matches("(?s).*\ndcgan +DCGAN +JS +20 +4,514,819 +4,310,401 +8,825,220\n.*"), both.out());
    assertTrue(both.out().matches("(?s).*\ndcgan +DCGAN +JS +20 +5,135,363 +4,316,545 +9,451,908\n.*"), both.out());
    assertTrue(both.out().matches("(?s).*\nproposed +proposed +JS \\+ λ·KL +15 +5,135,363 +4,316,545 +projection 819,300 +10,271,208\n.*"),
        both.out());
    var lines = both.out().lines().toList();
    int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("model ")).findFirst().orElseThrow());
    int totalColumn = lines.get(header).indexOf("total") + "total".length();
    assertEquals(totalColumn, lines.get(header + 1).length(), both.out());
  }

  @Test
  void trainsATestOnlyModelOnAnImageFolderAndResumes() throws Exception {
    Path images = tmp.resolve("images");
    var data = TinyDatasets.gradients(64, new ImageShape(8, 8, 1), 3);
    ImageWriter.writeFolder(images, data, 64);
    Path runDir = tmp.resolve("run");
    String[] args = {"train", "--model", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--run-dir",
        runDir.toString(), "--batch", "16", "--epochs", "2", "--no-progress", "--hp", "lr=0.002", "--threads", "1"};
    Run first = run(args);
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("tiny-gan: completed after 8 iterations (2.00 epochs,"), first.out());
    assertTrue(first.out().contains("protocol: model tiny-gan"), first.out());
    assertTrue(Files.exists(runDir.resolve("checkpoints/ckpt-0000000008/state.json")));
    assertTrue(Files.exists(runDir.resolve("samples/iter-00000008.png")));
    // A third epoch resumes from the checkpoint at 8 instead of starting over.
    args[java.util.Arrays.asList(args).indexOf("--epochs") + 1] = "3";
    Run more = run(args);
    assertEquals(0, more.code(), more.err());
    assertTrue(more.out().contains("completed after 12 iterations (3.00 epochs,"), more.out());

    Run eval = run("evaluate", "--run-dir", runDir.toString(), "--data", "folder:" + images, "--no-cache",
        "--extractor", "test-pixel-moments", "--samples", "40", "--reference-samples", "64", "--json");
    assertEquals(0, eval.code(), eval.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(eval.out());
    assertEquals(40, json.get("evaluation").get("n").asInt());
    assertEquals(12, json.get("training").get("iterations").asInt());
    assertTrue(json.get("evaluation").get("fid").asDouble() >= 0, eval.out());
    assertEquals("test-pixel-moments", json.get("evaluation").get("protocol").get("extractor").asText());
    assertTrue(Files.exists(runDir.resolve("evaluation.json")));

    Path other = tmp.resolve("other");
    ImageWriter.writeFolder(other, TinyDatasets.gradients(64, new ImageShape(8, 8, 1), 4), 64);
    Run wrongData = run("evaluate", "--run-dir", runDir.toString(), "--data", "folder:" + other, "--no-cache",
        "--extractor", "test-pixel-moments");
    assertEquals(1, wrongData.code());
    assertTrue(wrongData.err().contains("was trained on images"), wrongData.err());
  }

  @Test
  void badArgumentsGiveOneClearLineAndANonZeroExit() {
    Run unknown = run("train", "--model", "nope", "--no-progress");
    assertEquals(1, unknown.code());
    assertTrue(unknown.err().contains("no model named 'nope'"), unknown.err());

    Run missing = run("train", "--model", "tiny-gan", "--data", "folder:" + tmp.resolve("absent"), "--no-cache");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains(tmp.resolve("absent").toString()), missing.err());

    Run hp = run("train", "--model", "tiny-gan", "--data", "fashion-mnist-test", "--hp", "lr=fast", "--no-cache");
    assertEquals(1, hp.code());
    assertTrue(hp.err().contains("hyper-parameter lr: cannot read 'fast'"), hp.err());

    Run shape = run("list", "--shape", "3x3");
    assertEquals(1, shape.code());
    assertTrue(shape.err().contains("image shape must look like 32x32x3"), shape.err());

    Run usage = run("train");
    assertEquals(2, usage.code());
    assertTrue(usage.err().contains("Missing required option: '--model=<model>'"), usage.err());
  }
}
