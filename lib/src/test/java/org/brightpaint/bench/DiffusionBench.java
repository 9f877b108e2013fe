package org.brightpaint.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Normalisation;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.brightpaint.models.diffusion.DiffusionOptions;
import org.brightpaint.models.diffusion.SeededNoise;
import org.brightpaint.training.DiffusionLoop;
import org.brightpaint.training.PairedSource;
import org.brightpaint.training.TrainingOptions;

/**
 * Prints the cost of the diffusion generators on this machine: training images per second at
 * the preset's crop size and batch, and inference seconds per 512 x 512 image (batch 1, EMA
 * weights, warmed up) with DDIM-50 and ancestral DDPM-1000, at "ci" and "paper" width.
 *
 * <p>What is measured and what is extrapolated is printed on every row: a handful of denoiser
 * steps on a 512 x 512 image are timed (after a warm-up step) and both samplers are extrapolated
 * from the mean step, DDIM-50 as 50 x and DDPM-1000 as 1000 x (sampler overhead outside the
 * denoiser is a few element-wise ops per step). {@code SamplerTiming} runs both samplers in full.
 *
 * <p>Each figure is given as wall time and as CPU time of the calling thread: run with
 * {@code -Dai.djl.pytorch.num_threads=1} on a shared machine, where PyTorch then computes in the
 * calling thread and the CPU figure is what an otherwise idle core would take. An optional
 * second argument times the paper width at a smaller side and scales the figures to 512 x 512 by
 * pixel count (convolution cost is linear in pixels; the middle attention grows faster, so this
 * underestimates), saying so on the row.
 *
 * <p>Run (from the repository root, after {@code mvn -q -B -o -pl lib test-compile}):
 * <pre>
 * mvn -q -B -o dependency:build-classpath -pl lib -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp lib/target/test-classes:lib/target/classes:$(cat /tmp/cp.txt) org.brightpaint.bench.DiffusionBench [ci|paper|all] [side]
 * </pre>
 */
public final class DiffusionBench {

  /** Side of the paper-width timing images (512 unless a second argument says otherwise). */
  private static int side = 512;

  private DiffusionBench() {}

  /**
   * @param args "ci", "paper" or "all" (default)
   * @throws Exception when training fails
   */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    side = args.length > 1 ? Integer.parseInt(args[1]) : 512;
    System.out.printf("# diffusion benchmark, device %s, %d cores, load average %.1f, threads %s%n",
        Device.cpu(), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        System.getProperty("ai.djl.pytorch.num_threads", "engine default"));
    System.out.println("| model | width | params | train crop x batch | train img/s (wall; CPU) "
        + "| s / denoiser step @512 (wall; CPU) | DDIM-50 s / 512 image | DDPM-1000 s / 512 image | how |");
    for (Preset preset : Preset.values()) {
      if (!which.equals("all") && !which.equalsIgnoreCase(preset.label())) {
        continue;
      }
      for (ModelKind kind : List.of(ModelKind.PALETTE, ModelKind.SPADE_DIFFUSION)) {
        run(kind, preset);
      }
    }
  }

  private static void run(ModelKind kind, Preset preset) throws Exception {
    boolean paper = preset == Preset.PAPER;
    GeneratorOptions o = GeneratorOptions.of(kind, preset);
    DiffusionOptions d = DiffusionOptions.of(kind, preset);
    TrainingOptions t = TrainingOptions.of(kind, preset);
    try (DiffusionGenerator g = new DiffusionGenerator(o, d, Normalisation.defaults(Channel.FLUORESCENT),
        Device.cpu(), 42)) {
      // training throughput: 1 warm-up step, then timed steps (ci 10, paper 1)
      int timed = paper ? 1 : 5;
      int crop = paper ? side : o.imageSize();
      PairedSource data = randomSource(crop, 8);
      double sec;
      double cpu;
      try (DiffusionLoop loop = new DiffusionLoop(g, t.withSteps(1 + timed), data, null)) {
        loop.fitUntil(1);
        long w0 = System.nanoTime();
        long c0 = cpuNanos();
        loop.fit();
        sec = (System.nanoTime() - w0) / 1e9;
        cpu = (cpuNanos() - c0) / 1e9;
      }
      double imagesPerSecond = timed * t.batchSize() / sec;
      double imagesPerCpuSecond = timed * t.batchSize() / cpu;
      // inference at 512 x 512, batch 1
      int inferSide = paper ? side : 512;
      double scale = (512.0 * 512.0) / (inferSide * (double) inferSide);
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray bf = SeededNoise.of(1).normal(m, new Shape(1, 3, inferSide, inferSide)).clip(-1, 1);
        g.predict(bf, new Sampling(Sampling.Sampler.DDIM, 1, 0)).close();
        int k = 3;
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        g.predict(bf, new Sampling(Sampling.Sampler.DDIM, k, 0)).close();
        double step = (System.nanoTime() - t0) / 1e9 / k * scale;
        double stepCpu = (cpuNanos() - c0) / 1e9 / k * scale;
        double ddim = 50 * step;
        if (paper) {
          imagesPerSecond /= scale;
          imagesPerCpuSecond /= scale;
        }
        String how = "train: " + timed + " step(s) at " + crop + " px timed; inference: " + k
            + " denoiser steps at " + inferSide + " px timed"
            + (inferSide == 512 ? "" : "; train img/s and step time scaled x" + (int) scale
                + " by pixel count to 512 px")
            + "; DDIM-50 and DDPM-1000 extrapolated (x50, x1000)";
        System.out.printf("| %s | %s (%d) | %,d | %d x %d | %.3g; %.3g | %.3g; %.3g | %.3g; %.3g | %.3g; %.3g | %s |%n",
            kind.cliName(), preset.label(), o.baseWidth(), g.parameterCount(), crop, t.batchSize(), imagesPerSecond,
            imagesPerCpuSecond, step, stepCpu, ddim, 50 * stepCpu, 1000 * step, 1000 * stepCpu, how);
      }
    }
  }

  /** @return CPU time of this thread (with one intra-op thread PyTorch computes in the caller) */
  private static long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** Random pairs (uniform brightfield, tanh of it as fluorescence) of one crop size. */
  private static PairedSource randomSource(int size, int n) {
    return new PairedSource() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public NDList get(int index, NDManager manager) {
        NDArray bf = SeededNoise.of(index).normal(manager, new Shape(3, size, size)).clip(-1, 1);
        NDArray fl = bf.get("0:1").repeat(0, 5).tanh();
        return new NDList(bf, fl);
      }
    };
  }
}
