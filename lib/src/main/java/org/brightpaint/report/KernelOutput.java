package org.brightpaint.report;

/**
 * Where {@link Display} sends a {@link MimeBundle}: the running Jupyter kernel, or files.
 * Implementations are found by {@link #detect()}.
 */
public interface KernelOutput {

  /**
   * Shows one bundle.
   *
   * @param bundle the output
   */
  void publish(MimeBundle bundle);

  /** @return a short name: "rapaio", "jjava", "ijava" or "files" */
  String name();

  /**
   * @return true when every output must stand alone (files), so plotly.js is inlined into
   *     each figure instead of once
   */
  default boolean standalone() {
    return false;
  }

  /**
   * Finds the kernel this JVM runs in, by reflection (no compile-time dependency on any kernel):
   * rapaio-jupyter-kernel ({@code org.rapaio.jupyter.kernel.MainApp.kernel}), JJava
   * ({@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()} or
   * {@code org.dflib.jjava.JJava.getKernelInstance()}) or IJava
   * ({@code io.github.spencerpark.ijava.IJava.getKernelInstance()}); outside a kernel, or with
   * the system property {@code brightpaint.display=files}, files under the workspace's
   * {@code display/} folder ({@link FileOutput}).
   *
   * @return the output to use
   */
  static KernelOutput detect() {
    if (!"files".equalsIgnoreCase(System.getProperty("brightpaint.display", ""))) {
      KernelOutput k = ReflectiveKernelOutput.find();
      if (k != null) {
        return k;
      }
    }
    return FileOutput.inWorkspace();
  }
}
