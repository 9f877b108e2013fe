package org.brightpaint.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.brightpaint.report.Doctor;
import picocli.CommandLine.Command;

/**
 * {@code brightpaint doctor}: prints the environment checks of {@link Doctor#check()}, one line
 * each ({@code OK} or {@code PROBLEM}, what was found, and a hint), and exits 1 when any check
 * found a problem.
 */
@Command(
    name = "doctor",
    description = "Check the environment: Java, DJL engine, CUDA GPUs, Jupyter, kernel, run size, folders.")
public final class DoctorCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    List<Doctor.Check> checks = Doctor.check();
    int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(10);
    boolean allOk = true;
    for (Doctor.Check c : checks) {
      System.out.printf("%-8s %-" + width + "s  %s%n", c.ok() ? "OK" : "PROBLEM", c.name(), c.detail());
      if (!c.hint().isEmpty() && (!c.ok() || c.name().startsWith("CUDA"))) {
        System.out.printf("%-8s %-" + width + "s  hint: %s%n", "", "", c.hint());
      }
      allOk &= c.ok();
    }
    return allOk ? 0 : 1;
  }
}
