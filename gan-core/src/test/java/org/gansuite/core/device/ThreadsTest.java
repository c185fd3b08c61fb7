package org.gansuite.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gansuite.core.UserError;
import org.junit.jupiter.api.Test;

class ThreadsTest {

  @Test
  void anExplicitCountWinsElseSlurmsCpusElseTensorFlowsDefault() {
    assertEquals(3, Threads.resolve(3, "8"));
    assertEquals(8, Threads.resolve(0, "8"));
    assertEquals(1, Threads.resolve(0, " 1 "));
    assertEquals(0, Threads.resolve(0, null));
    assertEquals(0, Threads.resolve(0, ""));
    assertEquals(5, Threads.resolve(5, null));
  }

  @Test
  void aMalformedSlurmValueOrANegativeCountIsRefused() {
    for (String bad : new String[] {"0", "-2", "two", "1.5"}) {
      var e = assertThrows(UserError.class, () -> Threads.resolve(0, bad));
      assertEquals("SLURM_CPUS_PER_TASK must be a positive number of CPUs, got '" + bad + "'", e.getMessage());
    }
    // An explicit count does not read the variable, so a broken one does not matter then.
    assertEquals(2, Threads.resolve(2, "two"));
    var e = assertThrows(IllegalArgumentException.class, () -> Threads.resolve(-1, null));
    assertEquals("thread count must not be negative, got -1", e.getMessage());
  }
}
