package org.brightpaint.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The environment report behind {@code brightpaint doctor} and the quick-start notebook: Java,
 * the DJL engine, CUDA GPUs, Jupyter and the {@code brightpaint} kernel, the run size, and the
 * workspace and DJL cache folders. Each check says whether it is fine, what was found, and what
 * to do when it is not.
 */
public final class Doctor {

  /** The Jupyter kernel name that {@code environment/setup} registers. */
  public static final String KERNEL_NAME = "brightpaint";

  private Doctor() {}

  /**
   * One environment check.
   *
   * @param name what was checked ("Java", "DJL engine", ...)
   * @param ok true when it is fine for running brightpaint
   * @param detail what was found (version, path, count)
   * @param hint what to do when it is not fine; "" when there is nothing to do
   */
  public record Check(String name, boolean ok, String detail, String hint) {
    /** Validates the fields. */
    public Check {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A check needs a name");
      }
      detail = detail == null ? "" : detail;
      hint = hint == null ? "" : hint;
    }
  }

  /**
   * Runs every check. Loading the DJL engine can take a few seconds (PyTorch natives).
   *
   * @return the checks in a fixed order
   */
  public static List<Check> check() {
    List<Check> checks = new ArrayList<>();
    checks.add(java());
    checks.add(djl());
    checks.add(gpus());
    checks.add(cpuKernels(System.getenv(), cpuThreads()));
    checks.add(jupyter());
    checks.add(kernel());
    checks.add(runSize());
    checks.add(workspace());
    checks.add(djlCache());
    return List.copyOf(checks);
  }

  /**
   * @param checks checks from {@link #check()}
   * @return a table with columns check, status ("OK" or "PROBLEM"), detail, hint
   */
  public static Table table(List<Check> checks) {
    StringColumn name = StringColumn.create("check");
    StringColumn status = StringColumn.create("status");
    StringColumn detail = StringColumn.create("detail");
    StringColumn hint = StringColumn.create("hint");
    for (Check c : checks) {
      name.append(c.name());
      status.append(c.ok() ? "OK" : "PROBLEM");
      detail.append(c.detail());
      hint.append(c.hint());
    }
    return Table.create("brightpaint doctor", name, status, detail, hint);
  }

  /** @return {@link #table(List)} of {@link #check()} */
  public static Table report() {
    return table(check());
  }

  static Check java() {
    Runtime.Version v = Runtime.version();
    String detail = v + " (" + System.getProperty("java.vendor", "?") + ") at " + System.getProperty("java.home");
    return new Check("Java", v.feature() >= 25, detail,
        v.feature() >= 25 ? "" : "brightpaint needs JDK 25: install one and set JAVA_HOME");
  }

  static Check djl() {
    try {
      ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
      return new Check("DJL engine", true,
          engine.getEngineName() + " " + engine.getVersion() + " (DJL " + ai.djl.engine.Engine.getDjlVersion()
              + ", default device " + engine.defaultDevice() + ")", "");
    } catch (Throwable e) { // natives missing or not loadable: LinkageError, EngineException
      return new Check("DJL engine", false, e.getClass().getSimpleName() + ": " + e.getMessage(),
          "PyTorch natives did not load: rebuild (environment/setup), or point PYTORCH_LIBRARY_PATH"
              + " at a libtorch 2.7.1");
    }
  }

  static Check gpus() {
    try {
      int n = ai.djl.util.cuda.CudaUtils.getGpuCount();
      return new Check("CUDA GPUs", true, n == 0 ? "none visible: runs on CPU" : n + " visible",
          n == 0 ? "for a GPU: build with 'mvn -Pcuda' (CUDA 12.4 natives) or set PYTORCH_LIBRARY_PATH" : "");
    } catch (Throwable e) {
      return new Check("CUDA GPUs", true, "none visible: runs on CPU (" + e.getClass().getSimpleName() + ")", "");
    }
  }

  /** The variables that pin PyTorch's CPU kernels, in the order {@link #cpuKernels} lists them. */
  static final List<String> CPU_KERNEL_VARIABLES = List.of("ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY", "MKL_CBWR");

  /**
   * Which CPU kernels PyTorch uses and with how many threads: the launchers pin oneDNN, ATen and
   * MKL ({@code bp_torch_env} in {@code environment/common.sh}) so that a CPU run computes the same
   * bits on every x86-64 machine with AVX2; unpinned, the same training ends in other weights on
   * another CPU (README "CPU kernels, pinned").
   *
   * @param env the process environment
   * @param threads PyTorch's intra-op thread count, or -1 when the engine did not load
   * @return always OK (the run is valid either way); the hint says what is not pinned
   */
  static Check cpuKernels(java.util.Map<String, String> env, int threads) {
    List<String> parts = new ArrayList<>();
    List<String> unset = new ArrayList<>();
    for (String v : CPU_KERNEL_VARIABLES) {
      String value = env.get(v);
      parts.add(v + "=" + (value == null ? "(unset)" : value));
      if (value == null) {
        unset.add(v);
      }
    }
    parts.add((threads < 0 ? "?" : Integer.toString(threads)) + " intra-op threads");
    return new Check("CPU kernels", true, String.join(", ", parts), unset.isEmpty() ? ""
        : "not pinned: " + String.join(", ", unset) + "; results may differ between machines. Start"
            + " through environment/brightpaint or the brightpaint kernel, or export them as bp_torch_env does");
  }

  private static int cpuThreads() {
    try {
      ai.djl.engine.Engine.getInstance();
      return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    } catch (Throwable e) { // natives missing: the DJL engine check reports it
      return -1;
    }
  }

  static Check jupyter() {
    Path exe = onPath("jupyter");
    return new Check("Jupyter", exe != null, exe == null ? "'jupyter' not on PATH" : exe.toString(),
        exe == null ? "run environment/setup (installs jupyter-nbconvert, python3-nbclient, jupyter-client)" : "");
  }

  static Check kernel() {
    for (Path dir : jupyterDataDirs()) {
      Path spec = dir.resolve("kernels").resolve(KERNEL_NAME).resolve("kernel.json");
      if (Files.isRegularFile(spec)) {
        return new Check("Kernel '" + KERNEL_NAME + "'", true, spec.toString(), "");
      }
    }
    return new Check("Kernel '" + KERNEL_NAME + "'", false, "no kernelspec found",
        "run environment/setup (registers 'Java 25 (brightpaint)')");
  }

  static Check runSize() {
    try {
      RunSize s = RunSize.current();
      return new Check("Run size", true, s.label(), "set BRIGHTPAINT_SIZE=ci|full (or -Dbrightpaint.size)");
    } catch (IllegalArgumentException e) {
      return new Check("Run size", false, e.getMessage(), "set BRIGHTPAINT_SIZE to ci or full");
    }
  }

  static Check workspace() {
    Path root = Workspace.current().root();
    return folder("Workspace", root, "set BRIGHTPAINT_WORKSPACE to a writable folder");
  }

  static Check djlCache() {
    try {
      Path dir = ai.djl.util.Utils.getEngineCacheDir();
      return folder("DJL cache", dir, "set DJL_CACHE_DIR / ENGINE_CACHE_DIR to a writable folder");
    } catch (Throwable e) {
      return new Check("DJL cache", false, e.getMessage(), "set DJL_CACHE_DIR to a writable folder");
    }
  }

  private static Check folder(String name, Path dir, String hint) {
    Path p = dir;
    while (p != null && !Files.exists(p)) {
      p = p.getParent(); // the nearest existing ancestor decides whether it can be created
    }
    boolean ok = p != null && Files.isDirectory(p) && Files.isWritable(p);
    return new Check(name, ok, dir + (Files.isDirectory(dir) ? "" : " (created on first use)"), ok ? "" : hint);
  }

  private static Path onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (d.isEmpty()) {
        continue;
      }
      Path p = Path.of(d, exe);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Jupyter's data path: JUPYTER_PATH, the user data dir, then the system dirs. */
  private static Set<Path> jupyterDataDirs() {
    Set<Path> dirs = new LinkedHashSet<>();
    String jp = System.getenv("JUPYTER_PATH");
    if (jp != null) {
      for (String d : jp.split(File.pathSeparator)) {
        if (!d.isBlank()) {
          dirs.add(Path.of(d));
        }
      }
    }
    String data = System.getenv("JUPYTER_DATA_DIR");
    if (data != null && !data.isBlank()) {
      dirs.add(Path.of(data));
    } else {
      String xdg = System.getenv("XDG_DATA_HOME");
      dirs.add(xdg != null && !xdg.isBlank()
          ? Path.of(xdg, "jupyter")
          : Path.of(System.getProperty("user.home"), ".local", "share", "jupyter"));
    }
    dirs.add(Path.of("/usr/local/share/jupyter"));
    dirs.add(Path.of("/usr/share/jupyter"));
    return dirs;
  }
}
