package org.brightpaint.bench;

import org.brightpaint.config.RunSize;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.diffusion.SamplerTiming;
import org.brightpaint.training.EngineThreads;
import org.brightpaint.training.Trainer;
import org.brightpaint.training.TrainingRun;

/**
 * Times the library calls of a training notebook (02 to 06) at a run size, without Jupyter:
 * {@code Trainer.train(kind, size)} (training, inference timing, held-out comparison, montage),
 * then for diffusion kinds {@code SamplerTiming.compare} as notebooks 05 and 06 do. Prints the wall
 * time of each part, the cost table and the baseline table.
 *
 * <p>Run: {@code java -cp lib/target/test-classes:lib/target/classes:$(cat /tmp/cp.txt)
 * org.brightpaint.bench.NotebookTiming palette [ci|full] [threads]}
 */
public final class NotebookTiming {

  private NotebookTiming() {}

  /**
   * @param args model CLI name, run size (default ci), engine threads (default 1)
   */
  public static void main(String[] args) {
    ModelKind kind = ModelKind.parse(args.length > 0 ? args[0] : "palette");
    RunSize size = args.length > 1 ? RunSize.valueOf(args[1].toUpperCase(java.util.Locale.ROOT)) : RunSize.CI;
    EngineThreads.set(args.length > 2 ? Integer.parseInt(args[2]) : 1);
    long t0 = System.nanoTime();
    TrainingRun run = Trainer.train(kind, size);
    double train = (System.nanoTime() - t0) / 1e9;
    System.out.println(run.summary());
    System.out.println(run.costTable().print());
    System.out.println(run.baselineTable().print());
    double sampler = 0;
    if (kind == ModelKind.PALETTE || kind == ModelKind.SPADE_DIFFUSION) {
      long t1 = System.nanoTime();
      SamplerTiming s = SamplerTiming.compare(run.checkpoint(), size);
      sampler = (System.nanoTime() - t1) / 1e9;
      System.out.println(s);
    }
    double cpu = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    System.out.printf("%s at %s: Trainer.train %.0f s, SamplerTiming.compare %.0f s, total %.0f s wall, "
        + "process CPU %.0f s, load average %.1f%n", kind.cliName(), size, train, sampler, train + sampler, cpu,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
