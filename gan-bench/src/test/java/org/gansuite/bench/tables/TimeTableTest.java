package org.gansuite.bench.tables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gansuite.bench.results.RunResultTest;
import org.junit.jupiter.api.Test;

/** Table 4: pre-training and adversarial seconds apart and together. */
class TimeTableTest {

  @Test
  void showsPreTrainingAndAdversarialSecondsApartAndTogether() throws Exception {
    // The sample: 3.0 s of preparation, 12.0 s of adversarial training over 0.5 epochs, 533.3 images/s.
    var table = new TimeTable(List.of(RunResultTest.sample()));
    String md = table.markdown();
    assertTrue(md.startsWith("| model | seed | iterations | s/epoch | pre-training s | adversarial s | total s | images/s | devices |\n"), md);
    assertTrue(md.contains("\n| DCGAN | 3 | 100 | 24.0 | 3.0 | 12.0 | 15.0 | 533.3 |  |\n"), md);
    assertTrue(table.csv().contains("\"DCGAN\",\"3\",\"100\",\"24.0\",\"3.0\",\"12.0\",\"15.0\",\"533.3\",\"\""), table.csv());
  }
}
