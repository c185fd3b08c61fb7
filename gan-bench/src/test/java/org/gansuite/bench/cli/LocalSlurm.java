package org.gansuite.bench.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A one-node Slurm cluster of its own (munged, slurmctld, slurmd in the foreground, every file in
 * one folder, ports of its own), as Debian's {@code slurm-wlm} and {@code munge} run it as root.
 * The configuration needs no cgroups ({@code proctrack/linuxproc}, {@code task/none}), so it runs in
 * a container. {@link #start} skips the calling test (JUnit assumption) where it cannot run: not
 * root, or the programs missing. {@link #close} cancels the jobs and stops the daemons.
 */
final class LocalSlurm implements AutoCloseable {

  private static final List<String> PROGRAMS = List.of("munged", "slurmctld", "slurmd", "sbatch", "scontrol", "squeue",
      "scancel", "sinfo");
  private static final Pattern STATE = Pattern.compile("JobState=(\\S+) Reason=(\\S+)");
  private static final List<String> FAILED = List.of("FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY",
      "BOOT_FAIL", "DEADLINE", "PREEMPTED");

  private final Path dir;
  private final Map<String, Path> programs;
  private final List<Process> daemons = new ArrayList<>();

  private LocalSlurm(Path dir, Map<String, Path> programs) {
    this.dir = dir;
    this.programs = programs;
  }

  /** Starts the cluster in {@code dir} and waits until its node is idle; skips the test where it cannot run. */
  static LocalSlurm start(Path dir) throws Exception {
    int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    assumeTrue(uid == 0, "starting slurmctld and slurmd needs root, this is uid " + uid);
    Map<String, Path> found = new java.util.TreeMap<>();
    List<String> missing = new ArrayList<>();
    for (String p : PROGRAMS) {
      find(p).ifPresentOrElse(f -> found.put(p, f), () -> missing.add(p));
    }
    assumeTrue(missing.isEmpty(), "Slurm cannot start here: " + String.join(", ", missing)
        + " not found (Debian: apt-get install slurm-wlm munge)");
    var slurm = new LocalSlurm(dir, found);
    try {
      slurm.boot();
    } catch (Exception | AssertionError e) {
      slurm.close();
      throw e;
    }
    return slurm;
  }

  private static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin";
    return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
        .filter(Files::isExecutable).findFirst();
  }

  private void boot() throws Exception {
    Files.createDirectories(dir.resolve("state"));
    Files.createDirectories(dir.resolve("spool"));
    Path key = dir.resolve("munge.key");
    byte[] bytes = new byte[1024];
    new SecureRandom().nextBytes(bytes);
    Files.write(key, bytes);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim().replaceFirst("\\..*", "");
    int[] ports = freePorts();
    // The node offers the CPUs this JVM may use (nproc): never more than slurmd finds, or it drains the node.
    Files.writeString(conf(), String.join("\n",
        "ClusterName=gansuite-test",
        "SlurmctldHost=" + host + "(127.0.0.1)",
        "SlurmctldPort=" + ports[0],
        "SlurmdPort=" + ports[1],
        "SlurmUser=root",
        "SlurmdUser=root",
        "AuthType=auth/munge",
        "CredType=cred/munge",
        "AuthInfo=socket=" + dir.resolve("munge.socket"),
        "StateSaveLocation=" + dir.resolve("state"),
        "SlurmdSpoolDir=" + dir.resolve("spool"),
        "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
        "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
        "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
        "SlurmdLogFile=" + dir.resolve("slurmd.log"),
        "ProctrackType=proctrack/linuxproc",
        "TaskPlugin=task/none",
        "JobAcctGatherType=jobacct_gather/none",
        "SelectType=select/cons_tres",
        "SelectTypeParameters=CR_CPU",
        "MpiDefault=none",
        "MailProg=/bin/true",
        "ReturnToService=2",
        "NodeName=gansuite-node NodeHostname=" + host + " NodeAddr=127.0.0.1 CPUs="
            + Runtime.getRuntime().availableProcessors() + " State=UNKNOWN",
        "PartitionName=test Nodes=gansuite-node Default=YES MaxTime=INFINITE State=UP", ""));
    daemon("munged", "munged", "--foreground", "--force", "--key-file=" + key, "--socket=" + dir.resolve("munge.socket"),
        "--pid-file=" + dir.resolve("munged.pid"), "--seed-file=" + dir.resolve("munge.seed"));
    await(Duration.ofSeconds(20), "munged's socket", () -> Files.exists(dir.resolve("munge.socket")));
    daemon("slurmctld", "slurmctld", "-D", "-f", conf().toString());
    daemon("slurmd", "slurmd", "-D", "-f", conf().toString(), "-N", "gansuite-node");
    await(Duration.ofSeconds(60), "an idle node", () -> run("sinfo", "-h", "-o", "%T").trim().equals("idle"));
  }

  private static int[] freePorts() throws IOException {
    try (var a = new ServerSocket(0); var b = new ServerSocket(0)) {
      return new int[] {a.getLocalPort(), b.getLocalPort()};
    }
  }

  Path conf() {
    return dir.resolve("slurm.conf");
  }

  /** The environment that points Slurm's commands at this cluster. */
  Map<String, String> environment() {
    return Map.of("SLURM_CONF", conf().toString());
  }

  private void daemon(String log, String program, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(programs.get(program).toString()));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(log + ".out").toFile());
    pb.environment().putAll(environment());
    daemons.add(pb.start());
  }

  /** Runs a Slurm command against this cluster; its output, or a failure with it. */
  String run(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(programs.get(program).toString()));
    command.addAll(List.of(args));
    var pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(environment());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /** Waits until job {@code id} has completed; fails with the daemons' and the jobs' logs when it cannot. */
  void awaitCompleted(String id, Duration timeout, Path jobLogs) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    String state = "";
    while (System.nanoTime() < end) {
      Matcher m = STATE.matcher(run("scontrol", "show", "job", "-o", id));
      if (!m.find()) {
        break;
      }
      state = m.group(1) + " (" + m.group(2) + ")";
      if (m.group(1).equals("COMPLETED")) {
        return;
      }
      // A failed array task leaves its dependent job pending for ever.
      if (FAILED.contains(m.group(1)) || m.group(2).equals("DependencyNeverSatisfied")) {
        break;
      }
      Thread.sleep(500);
    }
    fail("job " + id + " did not complete within " + timeout + ": " + state + "\n" + logs(List.of(dir, jobLogs)));
  }

  /** Every log in the folders (the daemons', the jobs'), for a failure message. */
  private static String logs(List<Path> folders) throws IOException {
    StringBuilder s = new StringBuilder();
    for (Path folder : folders.stream().distinct().toList()) {
      try (var files = Files.list(folder)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".out")).sorted().toList()) {
          s.append("==> ").append(f).append(" <==\n").append(Files.readString(f));
        }
      }
    }
    return s.toString();
  }

  /** Cancels every job, then stops the daemons (and whatever they started), newest first. */
  @Override
  public void close() throws Exception {
    if (daemons.size() == 3) {
      try {
        for (String id : run("squeue", "-h", "-o", "%A").lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
          run("scancel", id);
        }
        await(Duration.ofSeconds(30), "no jobs", () -> run("squeue", "-h").isBlank());
      } catch (Exception | AssertionError e) {
        // stopping the daemons below still ends what they started
      }
    }
    // slurmstepd leaves slurmd's process tree, but its job scripts live in this cluster's spool folder.
    String spool = dir.resolve("spool").toString();
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(spool)).forEach(LocalSlurm::end);
    for (int i = daemons.size() - 1; i >= 0; i--) {
      end(daemons.get(i).toHandle());
    }
  }

  /** Ends a process and its descendants: TERM, and KILL after 10 s. */
  private static void end(ProcessHandle p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p);
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private void await(Duration timeout, String what, Check check) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (check.holds()) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(200);
    }
    fail("the test's Slurm did not reach " + what + " within " + timeout + "\n" + logs(List.of(dir)));
  }
}
