package org.gansuite.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM whose TensorFlow has its oneDNN custom operations on
 * ({@code TF_ENABLE_ONEDNN_OPTS=1}), and with them its bfloat16 pass. TensorFlow reads the switch
 * once, as it loads, and on CPUs without AVX512-VNNI, AVX512-BF16, AVX-VNNI or AMX keeps them off
 * by default: a test of bfloat16 graphs cannot run in the test JVM, whose TensorFlow is loaded
 * already. The child inherits the class path; the test reads what it wrote.
 */
public final class OneDnnJvm {

  private OneDnnJvm() {}

  /**
   * Runs {@code main} with {@code args}; returns its output (stdout and stderr).
   *
   * @throws AssertionError when it exits with another code than 0 or outlives {@code timeoutMinutes}
   */
  public static String run(Class<?> main, int timeoutMinutes, String... args) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        main.getName()));
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile("onednn-jvm", ".log");
    try {
      var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("TF_ENABLE_ONEDNN_OPTS", "1");
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      Process p = pb.start();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(main.getSimpleName() + " did not end within " + timeoutMinutes + " minutes:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new AssertionError(main.getSimpleName() + " exited with " + p.exitValue() + ":\n" + text);
      }
      return text;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
