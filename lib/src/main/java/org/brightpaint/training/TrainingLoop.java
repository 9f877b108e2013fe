package org.brightpaint.training;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.brightpaint.models.Generator;

/**
 * What every training loop shares: data order, seeding, validation, checkpoints, resume,
 * listeners, NaN and out-of-memory handling. A subclass writes one {@link #trainStep} (and names
 * its optimisers and extra networks), the way a DJL {@code EasyTrain.trainBatch} would.
 *
 * <p>Step {@code s} (1-based) belongs to epoch {@code (s-1) / stepsPerEpoch}; its examples are
 * positions {@code [(s-1) % stepsPerEpoch * B, ... + B)} of that epoch's seeded permutation
 * (incomplete last batches are dropped). Before the step the engine is reseeded for
 * {@code (seed, s)} and the batch gets a random flip/90-degree rotation drawn from the same seed,
 * so the whole run is a function of the seed and the starting weights.
 */
public abstract class TrainingLoop implements AutoCloseable {

  /** Name of the checkpoint folder under {@link TrainingOptions#outDir()}. */
  public static final String CHECKPOINT = "checkpoint";

  /** The generator being trained. */
  protected final Generator generator;
  /** Training settings. */
  protected final TrainingOptions options;
  /** Manager for per-run state on the generator's device; closed with the loop. */
  protected final NDManager manager;
  private final PairedSource train;
  private final PairedSource validation;
  private final boolean augment;
  private final List<TrainingListener> listeners = new ArrayList<>();
  private final List<StepLog> history = new ArrayList<>();
  private final List<ValidationResult> validations = new ArrayList<>();
  private long step;

  /**
   * @param generator the generator to train
   * @param options the settings
   * @param train training pairs
   * @param validation validation pairs (may be null: no validation)
   * @param augment whether to apply random flips and 90-degree rotations
   */
  protected TrainingLoop(Generator generator, TrainingOptions options, PairedSource train, PairedSource validation,
      boolean augment) {
    this.generator = generator;
    this.options = options;
    this.train = train;
    this.validation = validation;
    this.augment = augment;
    this.manager = generator.manager().newSubManager();
    if (train.size() == 0) {
      throw new IllegalArgumentException("The training split is empty");
    }
  }

  /**
   * @param listener a listener to notify
   * @return this loop
   */
  public TrainingLoop addListener(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Trains to {@code options.steps()}, resuming first when asked and a checkpoint exists.
   *
   * @return the final state (step, seed, history)
   * @throws IOException when a checkpoint cannot be written or read
   * @throws TrainingException when the loss becomes NaN or the device runs out of memory
   */
  public TrainingState fit() throws IOException {
    return fitUntil(options.steps());
  }

  /**
   * Trains up to a step, as if interrupted there: the schedule still spans {@code options.steps()}.
   *
   * @param lastStep the step to stop after, &lt;= options.steps()
   * @return the state at the stop
   * @throws IOException when a checkpoint cannot be written or read
   */
  public TrainingState fitUntil(long lastStep) throws IOException {
    resumeIfAsked();
    optimised().values().forEach(Gradients::attach);
    int batch = Math.min(options.batchSize(), train.size());
    int stepsPerEpoch = Math.max(1, train.size() / batch);
    listeners.forEach(l -> l.onTrainingBegin(step + 1, options.steps()));
    try {
      while (step < Math.min(lastStep, options.steps())) {
        long s = step + 1;
        int epoch = (int) ((s - 1) / stepsPerEpoch);
        long start = System.nanoTime();
        Map<String, Double> losses;
        Seeds.seedEngine(options.seed(), s);
        try (NDManager batchManager = manager.newSubManager()) {
          NDList b = train.batch(indices(epoch, (int) ((s - 1) % stepsPerEpoch), batch), batchManager);
          losses = trainStep(augment ? augment(b, s) : b, s);
        }
        checkFinite(losses, s);
        step = s;
        StepLog log = new StepLog(s, epoch, losses, options.schedule().at(s), (System.nanoTime() - start) / 1e9);
        history.add(log);
        listeners.forEach(l -> l.onStep(log));
        if (s % stepsPerEpoch == 0 || s == options.steps()) {
          validate(epoch);
        }
        if ((options.checkpointEvery() > 0 && s % options.checkpointEvery() == 0) || s == options.steps()) {
          checkpoint();
        }
      }
    } catch (EngineException | OutOfMemoryError e) {
      throw TrainingException.ifOutOfMemory(e, batch, train, generator);
    } finally {
      listeners.forEach(l -> l.onTrainingEnd(step));
    }
    return state();
  }

  /**
   * One optimisation step on a batch.
   *
   * @param batch {@code NDList(bf [B,I,H,W], fluorescence [B,C,H,W])}
   * @param step the step, 1-based (for learning-rate schedules)
   * @return named losses; the first is the one the progress bar shows and the NaN check watches
   */
  protected abstract Map<String, Double> trainStep(NDList batch, long step);

  /** @return optimisers by name, saved in checkpoints */
  protected abstract Map<String, Adam> optimisers();

  /** @return the network each optimiser updates, by the optimiser's name */
  protected abstract Map<String, Block> optimised();

  /** @return networks besides the generator saved in checkpoints (discriminator, EMA); none by default */
  protected Map<String, Block> extraNetworks() {
    return Map.of();
  }

  /** @return the state now */
  public TrainingState state() {
    return new TrainingState(step, options.seed(), history, validations);
  }

  /** @return the checkpoint folder, or null when the options name no output folder */
  public Path checkpointDir() {
    return options.outDir() == null ? null : options.outDir().resolve(CHECKPOINT);
  }

  /** @return the parameter store for forward passes of this loop's networks */
  protected ParameterStore parameterStore() {
    return new ParameterStore(manager, false);
  }

  private int[] indices(int epoch, int position, int batch) {
    int n = train.size();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    Random r = new Random(Seeds.forEpoch(options.seed(), epoch));
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] out = new int[batch];
    System.arraycopy(perm, position * batch, out, 0, batch);
    return out;
  }

  private static NDList augment(NDList b, long step) {
    Random r = new Random(Seeds.forStep(0x5eed, step));
    boolean flip = r.nextBoolean();
    int rot = r.nextInt(4);
    NDList out = new NDList();
    for (NDArray a : b) {
      NDArray x = flip ? a.flip(3) : a;
      boolean square = x.getShape().get(2) == x.getShape().get(3);
      out.add(rot > 0 && square ? x.rotate90(rot, new int[] {2, 3}) : x);
    }
    return out;
  }

  private void checkFinite(Map<String, Double> losses, long s) {
    for (Map.Entry<String, Double> e : losses.entrySet()) {
      if (!Double.isFinite(e.getValue())) {
        Path dir = checkpointDir();
        throw new TrainingException("Loss '" + e.getKey() + "' became " + e.getValue() + " at step " + s
            + "; training stopped. " + (CheckpointFiles.exists(dir)
                ? "The last good checkpoint is kept at " + dir + "."
                : "No checkpoint was written.")
            + " Lower the learning rate (now " + options.learningRate() + ") or check the data for NaNs.");
      }
    }
  }

  private void validate(int epoch) {
    if (validation == null || validation.size() == 0) {
      return;
    }
    int n = options.validationImages() == 0 ? validation.size() : Math.min(options.validationImages(),
        validation.size());
    int c = generator.options().outputChannels();
    double[] se = new double[c];
    long pixels = 0;
    for (int i = 0; i < n; i++) {
      try (NDManager m = manager.newSubManager()) {
        NDList pair = validation.get(i, m);
        NDArray pred = generator.predict(pair.get(0).expandDims(0)).squeeze(0);
        NDArray err = pred.sub(pair.get(1)).square();
        for (int k = 0; k < c; k++) {
          se[k] += err.get(k).sum().getFloat();
        }
        pixels += pair.get(1).getShape().get(1) * pair.get(1).getShape().get(2);
      }
    }
    double[] rmse = new double[c];
    for (int k = 0; k < c; k++) {
      rmse[k] = Math.sqrt(se[k] / pixels);
    }
    ValidationResult r = new ValidationResult(step, epoch, generator.options().outputs(), rmse);
    validations.add(r);
    writeSample();
    listeners.forEach(l -> l.onValidation(r));
  }

  /**
   * The sample image of the last validation: the first validation example, predicted, as a
   * {@link PredictionMontage}; also written to {@code outDir/samples/step-<N>.png} when the
   * options name an output folder.
   *
   * @return the montage, or null before the first validation
   */
  public java.awt.image.BufferedImage lastSample() {
    return lastSample;
  }

  private java.awt.image.BufferedImage lastSample;

  private void writeSample() {
    try (NDManager m = manager.newSubManager()) {
      NDList pair = validation.get(0, m);
      NDArray pred = generator.predict(pair.get(0).expandDims(0)).squeeze(0);
      lastSample = PredictionMontage.of(plane(pair.get(0), Trainer.shownPlane(generator.options().inputs())),
          generator.options().outputs(),
          planes(pair.get(1)), planes(pred));
    }
    if (options.outDir() == null) {
      return;
    }
    try {
      Path file = options.outDir().resolve("samples").resolve("step-" + step + ".png");
      org.brightpaint.data.io.AtomicFiles.write(file, out -> javax.imageio.ImageIO.write(lastSample, "png", out));
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("Cannot write the validation sample under " + options.outDir(), e.getCause());
    }
  }

  private static org.brightpaint.image.FloatImage plane(NDArray chw, int c) {
    int h = (int) chw.getShape().get(1);
    int w = (int) chw.getShape().get(2);
    return new org.brightpaint.image.FloatImage(w, h, chw.get(c).toFloatArray());
  }

  private static List<org.brightpaint.image.FloatImage> planes(NDArray chw) {
    List<org.brightpaint.image.FloatImage> out = new ArrayList<>();
    for (int c = 0; c < chw.getShape().get(0); c++) {
      out.add(plane(chw, c));
    }
    return out;
  }

  private void checkpoint() throws IOException {
    Path dir = checkpointDir();
    if (dir == null) {
      return;
    }
    CheckpointFiles.write(dir, generator, extraNetworks(), optimisers(), state());
    listeners.forEach(l -> l.onCheckpoint(dir, step));
  }

  private void resumeIfAsked() throws IOException {
    Path dir = checkpointDir();
    if (!options.resume() || step > 0 || !CheckpointFiles.exists(dir)) {
      return;
    }
    TrainingState s = CheckpointFiles.read(dir, generator, extraNetworks(), optimisers(), optimised());
    if (s.seed() != options.seed()) {
      throw new IllegalArgumentException("Checkpoint " + dir + " was trained with seed " + s.seed()
          + " but this run uses seed " + options.seed() + "; resume with the same seed");
    }
    step = s.step();
    history.clear();
    history.addAll(s.history());
    validations.clear();
    validations.addAll(s.validations());
  }

  /**
   * Loss value as a double, from a scalar array.
   *
   * @param loss a scalar
   * @return its value
   */
  protected static double value(NDArray loss) {
    return loss.getFloat();
  }

  /**
   * @param entries alternating names and values
   * @return an insertion-ordered loss map
   */
  protected static Map<String, Double> losses(Object... entries) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      m.put((String) entries[i], (Double) entries[i + 1]);
    }
    return m;
  }

  @Override
  public void close() {
    optimisers().values().forEach(Adam::close);
    manager.close();
  }
}
