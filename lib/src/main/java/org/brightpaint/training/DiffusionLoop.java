package org.brightpaint.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.brightpaint.models.Sampling;
import org.brightpaint.models.diffusion.Denoiser;
import org.brightpaint.models.diffusion.Diffusion;
import org.brightpaint.models.diffusion.DiffusionGenerator;
import org.brightpaint.models.diffusion.DiffusionOptions;
import org.brightpaint.models.diffusion.Ema;
import org.brightpaint.models.diffusion.NoiseInput;
import org.brightpaint.models.diffusion.NoiseSchedule;
import org.brightpaint.models.diffusion.SeededNoise;

/**
 * The diffusion training loop (Palette, SPADE-Diffusion), read like DJL's {@code EasyTrain.fit}:
 * <pre>
 *   for step in firstStep..steps:
 *     (bf, x0)   = next batch of the epoch's seeded permutation
 *     t, eps     ~ U{1..T}, N(0, I)            drawn from (seed, step)
 *     x_t        = sqrt(abar) x0 + sqrt(1 - abar) eps     (Palette: abar ~ U(abar_t, abar_{t-1}))
 *     loss       = mean((eps_theta(x_t, s, bf) - eps)^2)  (bf zeroed with p = conditionDropout)
 *     backward; Adam step; EMA update (decay from DiffusionOptions)
 *     every epoch: DDIM-sample the validation pairs with the EMA weights, per-channel RMSE
 *     every checkpointEvery steps and at the end: atomic checkpoint (generator with EMA, Adam, step)
 * </pre>
 * Every random draw is a function of (seed, step) ({@link Seeds}), so a run resumed from a
 * checkpoint reproduces the uninterrupted run's losses exactly. A non-finite loss stops training
 * with a message naming the step and the last good checkpoint, which is left untouched.
 *
 * <p>References: Ho et al. 2020 (Algorithm 1); Saharia et al. 2022 (Palette's noise-level
 * sampling); Ho and Salimans 2022 (condition dropout).
 */
public final class DiffusionLoop {

  /** The name of the checkpoint sub-folder of the output folder. */
  public static final String CHECKPOINT = "checkpoint";

  private DiffusionLoop() {}

  /**
   * What a training run returns.
   *
   * @param firstStep the first step this call ran (&gt; 1 when resumed)
   * @param lastStep the last completed step
   * @param history every step's log, including those before a resume
   * @param validations every validation, including those before a resume
   * @param seconds wall time of this call
   */
  public record Result(long firstStep, long lastStep, List<StepLog> history,
      List<ValidationResult> validations, double seconds) {

    /** Copies the lists. */
    public Result {
      history = List.copyOf(history);
      validations = List.copyOf(validations);
    }

    /** @return the main loss of every step, in order */
    public double[] losses() {
      return history.stream().mapToDouble(StepLog::mainLoss).toArray();
    }
  }

  /**
   * Trains a diffusion generator.
   *
   * @param generator the generator; its online denoiser is trained and its EMA copy updated
   * @param train training pairs (brightfield [3, H, W], fluorescence [C, H, W]) in [-1, 1]
   * @param validation validation pairs, or null for none
   * @param options steps, batch, learning rate, betas, seed, checkpointing
   * @param listeners progress hooks
   * @return the losses and validations
   * @throws IOException when a checkpoint cannot be written or read
   * @throws IllegalStateException when the loss becomes NaN or infinite (naming the step and the
   *     last good checkpoint)
   */
  public static Result fit(DiffusionGenerator generator, PairedSource train, PairedSource validation,
      TrainingOptions options, List<TrainingListener> listeners) throws IOException {
    long started = System.nanoTime();
    DiffusionOptions d = generator.diffusionOptions();
    Denoiser online = generator.denoiser();
    NoiseSchedule schedule = d.trainSchedule();
    LearningRateSchedule lr = options.schedule();
    long seed = options.seed();
    Path checkpoint = options.outDir() == null ? null : options.outDir().resolve(CHECKPOINT);
    List<StepLog> history = new ArrayList<>();
    List<ValidationResult> validations = new ArrayList<>();
    long done = 0;
    long lastGood = -1;
    try (Adam adam = new Adam(options.beta1(), options.beta2(), 1e-8, generator.manager())) {
      if (options.resume() && CheckpointFiles.exists(checkpoint)) {
        TrainingState s = CheckpointFiles.read(checkpoint, generator, Map.of(), Map.of("denoiser", adam),
            Map.of("denoiser", online));
        if (s.seed() != seed) {
          throw new IllegalArgumentException("Checkpoint " + checkpoint + " was trained with seed " + s.seed()
              + ", not " + seed + ": resuming would not reproduce the run");
        }
        done = s.step();
        lastGood = done;
        history.addAll(s.history());
        validations.addAll(s.validations());
      }
      // loaded weights (resume, or a generator read from disk) come without autograd attached
      for (Pair<String, Parameter> p : online.getParameters()) {
        if (!p.getValue().getArray().hasGradient()) {
          p.getValue().getArray().setRequiresGradient(true);
        }
      }
      int stepsPerEpoch = Math.max(1, train.size() / options.batchSize());
      long first = done + 1;
      listeners.forEach(l -> l.onTrainingBegin(first, options.steps()));
      try {
        for (long step = first; step <= options.steps(); step++) {
          long t0 = System.nanoTime();
          int epoch = (int) ((step - 1) / stepsPerEpoch);
          double rate = lr.at(step);
          double loss = trainStep(generator, d, schedule, train, batchIndices(train.size(), options.batchSize(),
              stepsPerEpoch, seed, step), seed, step, adam, rate);
          if (!Double.isFinite(loss)) {
            throw new IllegalStateException("Diffusion training of " + generator.options().kind().cliName()
                + " stopped: the loss is " + loss + " at step " + step + " (learning rate " + rate + ", batch "
                + options.batchSize() + ", crop " + generator.options().imageSize() + "). "
                + (lastGood > 0 ? "The last good checkpoint is " + checkpoint + " at step " + lastGood
                    : "No checkpoint was written yet") + "; lower the learning rate and resume.");
          }
          Map<String, Double> losses = new LinkedHashMap<>();
          losses.put("mse", loss);
          StepLog log = new StepLog(step, epoch, losses, rate, (System.nanoTime() - t0) / 1e9);
          history.add(log);
          done = step;
          listeners.forEach(l -> l.onStep(log));
          if (validation != null && step % stepsPerEpoch == 0) {
            ValidationResult v = validate(generator, validation, options.validationImages(), step, epoch);
            validations.add(v);
            listeners.forEach(l -> l.onValidation(v));
          }
          boolean due = options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0;
          if (checkpoint != null && (due || step == options.steps())) {
            CheckpointFiles.write(checkpoint, generator, Map.of(), Map.of("denoiser", adam),
                new TrainingState(step, seed, history, validations));
            lastGood = step;
            long s = step;
            listeners.forEach(l -> l.onCheckpoint(checkpoint, s));
          }
        }
      } finally {
        long last = done;
        listeners.forEach(l -> l.onTrainingEnd(last));
      }
      return new Result(first, done, history, validations, (System.nanoTime() - started) / 1e9);
    }
  }

  /**
   * The examples of a step: slice {@code (step - 1) mod stepsPerEpoch} of the epoch's permutation
   * drawn by {@code new Random(Seeds.forEpoch(seed, epoch))}.
   *
   * @param size number of examples
   * @param batch batch size
   * @param stepsPerEpoch steps per epoch
   * @param seed master seed
   * @param step 1-based step
   * @return batch indices (wrapping when the source is smaller than a batch)
   */
  static int[] batchIndices(int size, int batch, int stepsPerEpoch, long seed, long step) {
    long epoch = (step - 1) / stepsPerEpoch;
    int k = (int) ((step - 1) % stepsPerEpoch);
    List<Integer> perm = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      perm.add(i);
    }
    java.util.Collections.shuffle(perm, new Random(Seeds.forEpoch(seed, epoch)));
    int[] out = new int[batch];
    for (int i = 0; i < batch; i++) {
      out[i] = perm.get((k * batch + i) % size);
    }
    return out;
  }

  /**
   * One optimisation step; returns the loss.
   */
  static double trainStep(DiffusionGenerator g, DiffusionOptions d, NoiseSchedule schedule, PairedSource train,
      int[] indices, long seed, long step, Adam adam, double rate) {
    Denoiser online = g.denoiser();
    double loss;
    try (NDManager sm = g.manager().newSubManager()) {
      NDList batch = train.batch(indices, sm);
      NDArray bf = batch.get(0).toDevice(g.device(), false);
      NDArray x0 = batch.get(1).toDevice(g.device(), false);
      int b = (int) x0.getShape().get(0);
      SeededNoise noise = SeededNoise.of(Seeds.forStep(seed, step));
      float[] levels = new float[b];
      float[] alphaBars = new float[b];
      float[] keep = new float[b];
      for (int i = 0; i < b; i++) {
        int t = noise.nextInt(schedule.steps());
        if (d.noiseInput() == NoiseInput.NOISE_LEVEL) {
          double lo = schedule.alphaBar(t);
          double hi = schedule.alphaBarPrev(t);
          double gamma = lo + (hi - lo) * noise.nextDouble();
          alphaBars[i] = (float) gamma;
          levels[i] = (float) (NoiseInput.LEVEL_SCALE * gamma);
        } else {
          alphaBars[i] = (float) schedule.alphaBar(t);
          levels[i] = t;
        }
        keep[i] = noise.nextDouble() < d.conditionDropout() ? 0f : 1f;
      }
      NDArray eps = noise.normal(sm, x0.getShape());
      NDArray xt = Diffusion.qSample(x0, eps, sm.create(alphaBars));
      NDArray cond = bf.mul(sm.create(keep).reshape(b, 1, 1, 1));
      NDArray level = sm.create(levels);
      Seeds.seedEngine(seed, step);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray l = online.predictNoise(xt, level, cond, true).sub(eps).square().mean();
        loss = l.getFloat();
        if (Double.isFinite(loss)) {
          gc.backward(l);
        }
      }
      if (!Double.isFinite(loss)) {
        Gradients.zero(online);
        return loss;
      }
    }
    adam.step(online, rate);
    Ema.update(g.emaDenoiser(), online, d.emaDecayAt(adam.updates()));
    return loss;
  }

  /**
   * Per-channel RMSE of the generator's default sampler (EMA weights) on validation pairs.
   *
   * @param g the generator
   * @param validation the pairs
   * @param images how many (0 = all)
   * @param step the step, for the record
   * @param epoch the epoch, for the record
   * @return the result
   */
  public static ValidationResult validate(DiffusionGenerator g, PairedSource validation, int images, long step,
      int epoch) {
    int n = images <= 0 ? validation.size() : Math.min(images, validation.size());
    int c = g.options().outputChannels();
    double[] sse = new double[c];
    long count = 0;
    Sampling sampling = g.diffusionOptions().sampling();
    try (NDManager vm = g.manager().newSubManager()) {
      for (int start = 0; start < n; start += 4) {
        int[] idx = new int[Math.min(4, n - start)];
        for (int i = 0; i < idx.length; i++) {
          idx[i] = start + i;
        }
        NDList batch = validation.batch(idx, vm);
        NDArray pred = g.predict(batch.get(0), sampling);
        NDArray diff = pred.sub(batch.get(1)).square().sum(new int[] {0, 2, 3});
        double[] s = Arrays.stream(diff.toArray()).mapToDouble(Number::doubleValue).toArray();
        for (int k = 0; k < c; k++) {
          sse[k] += s[k];
        }
        Shape sh = pred.getShape();
        count += sh.get(0) * sh.get(2) * sh.get(3);
      }
    }
    double[] rmse = new double[c];
    for (int k = 0; k < c; k++) {
      rmse[k] = Math.sqrt(sse[k] / count);
    }
    return new ValidationResult(step, epoch, g.options().outputs(), rmse);
  }
}
