package org.brightpaint.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Sampling;

/**
 * Measures the cost of training and using a generator (the paper's Table 4): a listener that
 * times steps and epochs and samples peak memory, plus {@link #inferenceSecondsPer512} and
 * checkpoint sizes, assembled by {@link #record}.
 *
 * <p>Peak native memory: on a GPU, the CUDA memory in use as reported by the engine
 * ({@code CudaUtils.getGpuMemory}); on the CPU, the process's peak resident set size
 * ({@code VmHWM} of {@code /proc/self/status}), which includes the JVM heap.
 */
public final class CostMeter implements TrainingListener {

  private final Device device;
  private final List<Double> stepSeconds = new ArrayList<>();
  private final List<Double> epochSeconds = new ArrayList<>();
  private long epochStart;
  private int lastEpoch = -1;
  private long peakHeap;
  private long peakNative = -1;

  /**
   * @param device the device training runs on
   */
  public CostMeter(Device device) {
    this.device = device;
  }

  @Override
  public void onTrainingBegin(long firstStep, long totalSteps) {
    epochStart = System.nanoTime();
    sample();
  }

  @Override
  public void onStep(StepLog log) {
    stepSeconds.add(log.seconds());
    if (lastEpoch >= 0 && log.epoch() != lastEpoch) {
      long now = System.nanoTime();
      epochSeconds.add((now - epochStart) / 1e9);
      epochStart = now;
    }
    lastEpoch = log.epoch();
    if (stepSeconds.size() % 10 == 1) {
      sample();
    }
  }

  @Override
  public void onTrainingEnd(long lastStep) {
    sample();
  }

  /**
   * Uses a run's stored step times when this meter timed no step: a finished run that is resumed
   * trains zero steps, and its training speed is then the one measured when it trained (the
   * checkpoint's history), not NaN (issue 10, observation 2).
   *
   * @param history the run's step log (from its checkpoint)
   */
  public void useStoredSteps(List<StepLog> history) {
    if (!stepSeconds.isEmpty()) return;
    for (StepLog s : history) {
      if (Double.isFinite(s.seconds()) && s.seconds() > 0) stepSeconds.add(s.seconds());
    }
  }

  /** @return mean wall seconds per timed training step, NaN when none was timed */
  double meanStepSeconds() {
    return stepSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private void sample() {
    Runtime rt = Runtime.getRuntime();
    peakHeap = Math.max(peakHeap, rt.totalMemory() - rt.freeMemory());
    peakNative = Math.max(peakNative, nativeBytes(device));
  }

  /**
   * Native memory in use now: CUDA memory on a GPU, peak resident set size on the CPU.
   *
   * @param device the device
   * @return bytes, or -1 when unknown
   */
  public static long nativeBytes(Device device) {
    try {
      if (device.isGpu()) {
        return CudaUtils.getGpuMemory(device).getCommitted();
      }
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Seconds to predict one 512 x 512 image at batch 1, after {@code warmup} untimed runs, as the
   * mean of {@code repeats} timed runs. Diffusion kinds use {@code sampling}.
   *
   * @param generator the generator
   * @param sampling the sampler (ignored by deterministic kinds)
   * @param warmup untimed runs
   * @param repeats timed runs
   * @return seconds per image
   */
  public static double inferenceSecondsPer512(Generator generator, Sampling sampling, int warmup, int repeats) {
    int side = 512 - 512 % generator.sizeMultiple();
    try (NDManager m = generator.manager().newSubManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(1, generator.options().inputChannels(), side, side));
      for (int i = 0; i < warmup; i++) {
        try (NDManager s = m.newSubManager()) {
          generator.predict(x, sampling).attach(s);
        }
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < repeats; i++) {
        try (NDManager s = m.newSubManager()) {
          NDArray y = generator.predict(x, sampling);
          y.attach(s);
          y.toFloatArray();
        }
      }
      return (System.nanoTime() - t0) / 1e9 / repeats;
    }
  }

  /**
   * Inference time per 512 x 512 image at batch 1 with {@code sampling}, timing at most
   * {@code maxEvaluations} network evaluations per run: when the generator needs more
   * ({@link Generator#networkEvaluations}: diffusion samplers, one denoiser evaluation per step),
   * it is timed with a DDIM sampler of fewer steps and the seconds per evaluation are multiplied
   * out (marked extrapolated); DDPM with {@code ddpmSteps} steps is extrapolated the same way.
   * Deterministic generators are timed in full.
   *
   * @param generator the generator
   * @param sampling the sampler the figure is for (e.g. DDIM-50)
   * @param warmup untimed runs
   * @param repeats timed runs
   * @param maxEvaluations cap on timed network evaluations per run (0 = no cap: time in full)
   * @param ddpmSteps DDPM step count to extrapolate to (1000 in the paper)
   * @return the timing
   */
  public static InferenceTiming inferenceTiming(Generator generator, Sampling sampling, int warmup, int repeats,
      int maxEvaluations, int ddpmSteps) {
    int evaluations = generator.networkEvaluations(sampling);
    Sampling timed = sampling;
    if (maxEvaluations > 0 && evaluations > maxEvaluations) {
      int perStep = generator.networkEvaluations(new Sampling(Sampling.Sampler.DDIM, 1, sampling.seed()));
      int steps = Math.max(1, maxEvaluations / Math.max(1, perStep));
      timed = new Sampling(Sampling.Sampler.DDIM, Math.min(steps, sampling.steps()), sampling.seed());
    }
    int timedEvaluations = generator.networkEvaluations(timed);
    double seconds = inferenceSecondsPer512(generator, timed, warmup, repeats);
    double perEvaluation = seconds / timedEvaluations;
    boolean extrapolated = timedEvaluations != evaluations;
    double image = extrapolated ? perEvaluation * evaluations : seconds;
    int ddpmEvaluations = generator.networkEvaluations(new Sampling(Sampling.Sampler.DDPM, ddpmSteps, 0));
    double ddpm = ddpmEvaluations > 1 ? perEvaluation * ddpmEvaluations : Double.NaN;
    return new InferenceTiming(sampling, image, evaluations, timedEvaluations, extrapolated, ddpm, ddpmSteps);
  }

  /**
   * Assembles the record.
   *
   * @param generator the trained generator
   * @param batchSize the training batch size
   * @param checkpoint the full checkpoint folder (its {@code generator/} sub-folder is the
   *     generator-only checkpoint); null when none was written
   * @param inferenceSeconds from {@link #inferenceSecondsPer512}
   * @return the cost record
   * @throws IOException when sizing the checkpoint fails
   */
  public CostRecord record(Generator generator, int batchSize, Path checkpoint, double inferenceSeconds)
      throws IOException {
    return record(generator, batchSize, checkpoint, new InferenceTiming(Sampling.defaults(), inferenceSeconds,
        1, 1, false, Double.NaN, 0));
  }

  /**
   * Assembles the record.
   *
   * @param generator the trained generator
   * @param batchSize the training batch size
   * @param checkpoint the full checkpoint folder; null when none was written
   * @param inference from {@link #inferenceTiming}
   * @return the cost record
   * @throws IOException when sizing the checkpoint fails
   */
  public CostRecord record(Generator generator, int batchSize, Path checkpoint, InferenceTiming inference)
      throws IOException {
    double perStep = meanStepSeconds();
    double perEpoch = epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    long full = checkpoint == null ? -1 : CheckpointFiles.sizeBytes(checkpoint);
    long gen = checkpoint == null ? -1 : CheckpointFiles.sizeBytes(checkpoint.resolve(CheckpointFiles.GENERATOR));
    return new CostRecord(generator.options().kind(), device.toString(), generator.parameterCount(),
        generator.options().imageSize(), batchSize, perStep, perEpoch, batchSize / perStep, peakHeap, peakNative,
        inference.secondsPerImage(), full, gen, inference);
  }
}
