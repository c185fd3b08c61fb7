package org.gansuite.bench.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.bench.protocol.PaperValues;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.results.RunResultTest;
import org.gansuite.bench.results.TrainingCost;
import org.gansuite.metrics.ClarityDefinition;
import org.junit.jupiter.api.Test;

/** Tables from hand-made results: columns shown only where a value exists, verdicts, tidy CSV and curves. */
class ComparisonTableTest {

  static RunResult withCurve(RunResult r, String label, double firstFid, double lastFid) {
    var t = r.training();
    var curve = List.of(new TrainingCost.CurvePoint(0, 0, 40.5, 3.0, Map.of("fid", firstFid, "kid", 0.07)),
        new TrainingCost.CurvePoint(100, 6400, 840.5, 15.0, Map.of("fid", lastFid)));
    var cost = new TrainingCost(t.iterations(), t.epochs(), t.images(), t.seconds(), t.imagesPerSecond(),
        t.secondsPerEpoch(), t.dataWaitSeconds(), t.lastScalars(), t.gflop(), t.preparationGflop(),
        t.preparationSeconds(), curve);
    return new RunResult(r.format(), r.table(), label, r.model(), r.hyper(), r.seed(), r.status(), r.failure(),
        r.parameters(), cost, r.evaluation(), r.protocol(), r.provenance());
  }

  @Test
  void showsOnlyColumnsWithValuesFlagsRunsThatDidNotLearnAndWritesTidyCsv() throws Exception {
    var learned = withCurve(RunResultTest.sample(), "DCGAN", 80.0, 30.0);
    var stuck = withCurve(RunResultTest.sample(), "WGAN", 70.0, 75.5);
    var table = ComparisonTable.build("quick", List.of(stuck, learned), List.of(), List.of("DCGAN", "WGAN"),
        ClarityDefinition.DEFAULT);
    String md = table.markdown();
    assertTrue(md.startsWith("| model | runs | epochs | GFLOP | objective | params ×10^6 | IS | FID | precision | recall | "
        + "density | coverage | clarity | diff | flag |\n"), md);
    assertTrue(md.contains("\n| DCGAN | 1/1 | 0.50 | 841 | JS | 0.00 | 1.50 ± 0.25 | 12.50 | 0.750 | 0.500 | 0.875 | 0.625 | 100.00 | 4.00 |  |\n"), md);
    assertTrue(md.contains("\n| WGAN | 1/1 | 0.50 | 841 | JS | 0.00 | 1.50 ± 0.25 | 12.50 | 0.750 | 0.500 | 0.875 | 0.625 | 100.00 | 4.00 | "
        + "not learned (FID 70.0 at iteration 0, 75.5 at 100) |\n"), md);
    assertTrue(md.contains("training budget 6400 real images per model, at most 1 epoch per model"), md);
    assertTrue(md.contains("hyper-parameters set by the protocol or --hp: DCGAN {lr=0.0002}, WGAN {lr=0.0002}"), md);
    String csv = table.csv();
    assertTrue(csv.startsWith("\"model\",\"runs\",\"completed\",\"epochs\",\"gflop\",\"preparation_gflop\",\"objective\","
        + "\"params_gd\",\"params_extra\",\"is_mean\",\"is_std\",\"fid\",\"fid_std\",\"precision\",\"precision_std\",\"recall\","
        + "\"recall_std\",\"density\",\"density_std\",\"coverage\",\"coverage_std\",\"clarity_mean\",\"clarity_std\","
        + "\"clarity_diff\",\"clarity_diff_std\",\"flag\",\"failure\"\n"), csv);
    assertTrue(csv.contains("\n\"DCGAN\",\"1\",\"1\",\"0.5\",\"840.5\",\"40.5\",\"JS\",\"30\",\"0\",\"1.5\",\"0.25\",\"12.5\",\"\","
        + "\"0.75\",\"\",\"0.5\",\"\",\"0.875\",\"\",\"0.625\",\"\",\"100.0\",\"\",\"4.0\",\"\",\"\",\"\"\n"), csv);
    assertEquals("model,seed,iteration,images,gflop,seconds,fid,kid\nWGAN,3,0,0,40.5,3.0,70.0,0.07\n"
        + "WGAN,3,100,6400,840.5,15.0,75.5,\nDCGAN,3,0,0,40.5,3.0,80.0,0.07\nDCGAN,3,100,6400,840.5,15.0,30.0,\n",
        Curves.csv(List.of(stuck, learned)).replace("\"", ""));
  }

  @Test
  void paperColumnsAppearBesideRowsThePaperHas() {
    var dcgan = RunResultTest.sample();
    var table = ComparisonTable.build("6", List.of(dcgan), PaperValues.CIFAR10, List.of("DCGAN"),
        ClarityDefinition.DEFAULT);
    String md = table.markdown();
    assertTrue(md.contains("| paper epochs | paper params | paper IS | paper FID | paper clarity | paper diff |"), md);
    assertTrue(md.contains("| 20 | 8.83 | 5.04 ± 0.03 | 54.27 | 139.12 | 18.56 |"), md);
    assertEquals(List.of("DCGAN"), table.rows().stream().map(ComparisonTable.Row::label).toList());
    assertTrue(!md.contains("\n| " + Entry.TRAINING_SET + " |"), "no training-set row without its result: " + md);
  }

  /**
   * The training-set row under every reading beside the paper's 120.56 (RunResultTest.clarity(): reading i of
   * ClarityDefinition.ALL at 100 + i, the reference at 104 + 2 i), and the columns under another reading.
   */
  @Test
  void trainingSetRowShowsEveryReadingOfClarityBesideThePapers() throws Exception {
    var dcgan = RunResultTest.sample();
    var s = RunResultTest.sample();
    var training = new RunResult(s.format(), s.table(), Entry.TRAINING_SET, Entry.TRAINING_SET, Map.of(), 0, s.status(), "",
        Map.of(), null, s.evaluation(), s.protocol(), null);
    var std8 = new ClarityDefinition(ClarityDefinition.Statistic.STD, ClarityDefinition.Kernel.EIGHT);
    var table = ComparisonTable.build("6", List.of(dcgan, training), PaperValues.CIFAR10, List.of("DCGAN"), std8);
    String md = table.markdown();
    assertTrue(md.contains("Training-set clarity under every candidate reading (mean over its 40 images; "), md);
    assertTrue(md.contains("the table above shows std 8); the paper's training set: 120.56.\n\n"
        + "| statistic | kernel 4 | kernel 8 | kernel 141 |\n|---|---|---|---|\n"
        + "| var | 100.00 | 101.00 | 102.00 |\n| std | 103.00 | 104.00 | 105.00 |\n"
        + "| mean-abs | 106.00 | 107.00 | 108.00 |\n| energy | 109.00 | 110.00 | 111.00 |\n"), md);
    assertTrue(md.contains("Nearest to the paper's 120.56: energy 141 (111.00, -7.9%); on the paper's data, "
        + "`bin/gan-bench report ... --clarity energy --clarity-kernel 141` rebuilds"), md);
    // The clarity column under std 8: 104 (reading 4); diff |104 - 112|.
    assertTrue(md.contains("| 104.00 | 8.00 |"), md);
    assertTrue(md.contains("clarity = population standard deviation of the response (R.std()) of the 8-neighbour"), md);
    String csv = table.clarityCsv();
    assertTrue(csv.startsWith("\"model\",\"var_k4_mean\",\"var_k4_diff\",\"var_k8_mean\",\"var_k8_diff\","), csv);
    assertTrue(csv.contains("\n\"training set\",\"100.0\",\"4.0\",\"101.0\",\"5.0\",\"102.0\",\"6.0\",\"103.0\",\"7.0\","), csv);
    // Without a training-set row there is no block.
    assertTrue(ComparisonTable.build("6", List.of(dcgan), PaperValues.CIFAR10, List.of("DCGAN"), std8)
        .clarityCandidates().isEmpty());
  }

  private static RunResult trainedIn(RunResult r, String label, java.util.Map<String, String> config) {
    var provenance = new org.gansuite.core.provenance.Provenance(r.model(), new java.util.TreeMap<>(config), r.seed(),
        "tiny", "ef".repeat(32), "v1", "Java 17", "2.18.0", "Linux", List.of("/job:localhost/replica:0/task:0/device:CPU:0"),
        "2026-01-01T00:00:00Z");
    return new RunResult(r.format(), r.table(), label, r.model(), r.hyper(), r.seed(), r.status(), r.failure(),
        r.parameters(), r.training(), r.evaluation(), r.protocol(), provenance);
  }

  /** The footnote and the time table name the training precision a run's provenance holds (fp32 where it names none). */
  @Test
  void footnoteAndTimeTableNameTheTrainingPrecision() {
    var fp32 = trainedIn(RunResultTest.sample(), "DCGAN", Map.of("model", "dcgan"));
    var bf16 = trainedIn(RunResultTest.sample(), "WGAN", Map.of("model", "wgan", "precision", "bf16",
        "precision_rewrite", "bf16: 132 of 301 compute ops (Conv2D); oneDNN kernels: none"));
    String one = ComparisonTable.build("quick", List.of(fp32), List.of(), List.of("DCGAN"), ClarityDefinition.DEFAULT)
        .footnote();
    assertTrue(one.contains("; training precision fp32; "), one);
    String both = ComparisonTable.build("quick", List.of(fp32, bf16), List.of(), List.of("DCGAN", "WGAN"),
        ClarityDefinition.DEFAULT).footnote();
    assertTrue(both.contains("; training precision bf16 (TensorFlow's automatic mixed precision; variables, optimizer "
        + "state and metrics fp32/fp64), fp32; "), both);
    String none = ComparisonTable.build("quick", List.of(RunResultTest.sample()), List.of(), List.of("DCGAN"),
        ClarityDefinition.DEFAULT).footnote();
    assertTrue(!none.contains("training precision"), "no provenance, no claim: " + none);
    String time = new TimeTable(List.of(fp32, bf16)).markdown();
    assertTrue(time.contains("| /job:localhost/replica:0/task:0/device:CPU:0 |\n"), time);
    assertTrue(time.contains("| /job:localhost/replica:0/task:0/device:CPU:0 (bf16) |\n"), time);
  }
}
