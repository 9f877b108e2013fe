package org.brightpaint.models.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brightpaint.config.RunSize;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Generators;
import org.brightpaint.models.Sampling;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Wall time of the two samplers for one image, batch 1, EMA weights, warmed up: DDIM with
 * {@code ddimSteps} respaced steps is run in full; ancestral DDPM over the whole sampling schedule
 * (1000 steps, what the paper timed) is {@code T x} the measured seconds per denoiser step, unless
 * {@code runDdpm} asks for the full run.
 *
 * @param imageSize side of the square image
 * @param secondsPerStep mean seconds of one sampler step (one denoiser evaluation, two with guidance)
 * @param ddimSteps DDIM step count
 * @param ddimSeconds measured DDIM seconds
 * @param ddpmSteps DDPM step count (T of the sampling schedule)
 * @param ddpmSeconds DDPM seconds
 * @param ddpmMeasured whether DDPM was run in full (else extrapolated from secondsPerStep)
 */
public record SamplerTiming(int imageSize, double secondsPerStep, int ddimSteps, double ddimSeconds, int ddpmSteps,
    double ddpmSeconds, boolean ddpmMeasured) {

  /**
   * Times the samplers.
   *
   * @param g the generator
   * @param imageSize image side (a multiple of {@code g.sizeMultiple()})
   * @param ddimSteps DDIM step count, e.g. 50
   * @param runDdpm run DDPM in full instead of extrapolating
   * @return the timing
   */
  public static SamplerTiming measure(DiffusionGenerator g, int imageSize, int ddimSteps, boolean runDdpm) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray bf = SeededNoise.of(1).normal(m, new Shape(1, 3, imageSize, imageSize)).clip(-1, 1);
      g.predict(bf, new Sampling(Sampling.Sampler.DDIM, 2, 0)).close();
      long t0 = System.nanoTime();
      g.predict(bf, new Sampling(Sampling.Sampler.DDIM, ddimSteps, 0)).close();
      double ddim = (System.nanoTime() - t0) / 1e9;
      double step = ddim / ddimSteps;
      int total = g.diffusionOptions().sampleSteps();
      double ddpm = total * step;
      if (runDdpm) {
        long t1 = System.nanoTime();
        g.predict(bf, new Sampling(Sampling.Sampler.DDPM, total, 0)).close();
        ddpm = (System.nanoTime() - t1) / 1e9;
      }
      return new SamplerTiming(imageSize, step, ddimSteps, ddim, total, ddpm, runDdpm);
    }
  }

  /**
   * Loads a trained generator and times the samplers at the run size's image side: 64 x 64 for
   * {@link RunSize#CI}, 512 x 512 otherwise (the paper's setting; meant for a GPU). DDIM uses 50
   * steps and is run in full. DDPM-1000 is run in full except at {@link RunSize#CI}, where it is
   * 1000 x the measured seconds per step: every step is one denoiser evaluation on the same input
   * shape, so the product is the full run's time, and the full run cost 25-50 s of 2-core CI time
   * per notebook (README, table of notebooks 05 and 06) for no other output.
   *
   * @param checkpoint a training checkpoint folder (its {@code generator/} is loaded) or a
   *     generator folder
   * @param size the run size
   * @return the timing; DDPM extrapolated at ci ({@link #ddpmMeasured()} false), measured otherwise
   * @throws UncheckedIOException when the checkpoint cannot be read
   * @throws IllegalArgumentException when it does not hold a diffusion generator
   */
  public static SamplerTiming compare(Path checkpoint, RunSize size) {
    Path dir = Files.isDirectory(checkpoint.resolve("generator")) ? checkpoint.resolve("generator") : checkpoint;
    try (Generator g = Generators.load(dir, Engine.getInstance().defaultDevice())) {
      if (!(g instanceof DiffusionGenerator d)) {
        throw new IllegalArgumentException(dir + " holds a " + g.options().kind().cliName()
            + " generator, not a diffusion model");
      }
      return measure(d, size == RunSize.CI ? 64 : 512, 50, size != RunSize.CI);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the generator in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** @return the two samplers as a table (sampler, steps, seconds per image, measured or extrapolated) */
  public Table table() {
    return Table.create("Sampling one " + imageSize + " x " + imageSize + " image (batch 1)",
        StringColumn.create("sampler", "DDPM (ancestral)", "DDIM (eta 0)"),
        IntColumn.create("steps", ddpmSteps, ddimSteps),
        DoubleColumn.create("seconds", ddpmSeconds, ddimSeconds),
        DoubleColumn.create("seconds per step", ddpmSeconds / ddpmSteps, ddimSeconds / ddimSteps),
        StringColumn.create("how", ddpmMeasured ? "measured" : "extrapolated", "measured"));
  }

  /** @return how many times faster DDIM is than DDPM */
  public double speedup() {
    return ddpmSeconds / ddimSeconds;
  }

  @Override
  public String toString() {
    return String.format("%d x %d, batch 1: DDIM-%d %.2f s (measured), DDPM-%d %.1f s (%s), %.3f s per step, "
        + "DDIM %.0fx faster", imageSize, imageSize, ddimSteps, ddimSeconds, ddpmSteps, ddpmSeconds,
        ddpmMeasured ? "measured" : "extrapolated: " + ddpmSteps + " x step", secondsPerStep, speedup());
  }
}
