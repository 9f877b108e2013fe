package org.brightpaint.training;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Split;
import org.brightpaint.data.Splits;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.image.FloatImage;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.Generators;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.Preset;
import org.brightpaint.models.Sampling;
import org.brightpaint.models.TiledPrediction;

/**
 * The library entry point the training notebooks and the CLI call: picks the data, builds the
 * generator and its loop, trains with a progress bar, and returns a {@link TrainingRun} with
 * curves, cost record, the held-out comparison against the mean training image and a montage.
 *
 * <pre>{@code
 * TrainingRun run = Trainer.train(ModelKind.UNET, RunSize.current());
 * }</pre>
 *
 * Data: training crops from the TRAIN sites, validation from VALIDATE, held-out comparison and
 * montage from TEST, as {@link Splits} assigns them (the plates' own splits from plate.csv, or a
 * seeded hold-out by well for a user's plate without one).
 */
public final class Trainer {

  private Trainer() {}

  /** Held-out crops scored against the mean image at CI size. */
  public static final int CI_SCORED_CROPS = 32;

  /** Network evaluations timed per 512 x 512 inference run at CI size (see {@link CostMeter#inferenceTiming}). */
  public static final int CI_TIMED_EVALUATIONS = 1;

  /** DDPM step count inference is extrapolated to (the paper timed 1000-step DDPM). */
  public static final int DDPM_STEPS = 1000;

  /**
   * What to train on and how; {@link #of(ModelKind, RunSize)} gives the notebook defaults.
   *
   * @param generator the generator's recipe
   * @param training the training settings
   * @param plates the plates
   * @param splits how sites are split into train, validate and test, or null for
   *     {@link Splits#of(PlateSet, CellLine, long)} with the training seed (plate.csv splits when
   *     the plates name validate and test plates, otherwise a seeded hold-out by well)
   * @param cellLine train on one cell line, or null for both
   * @param size the run size deciding preprocessing (256 px sites at CI, 512 at FULL)
   * @param maxTrainSites cap on training sites (0 = all)
   * @param maxHeldOutSites cap on validation and test sites (0 = all)
   * @param evaluation what to do after training: the held-out comparison, inference timing and
   *     montage, each bounded ({@link Evaluation})
   * @param progress whether to draw a progress bar on standard output
   */
  public record Request(GeneratorOptions generator, TrainingOptions training, PlateSet plates, Splits splits,
      CellLine cellLine, RunSize size, int maxTrainSites, int maxHeldOutSites, Evaluation evaluation,
      boolean progress) {

    /**
     * @param t other training settings
     * @return a copy with them
     */
    public Request withTraining(TrainingOptions t) {
      return new Request(generator, t, plates, splits, cellLine, size, maxTrainSites, maxHeldOutSites, evaluation,
          progress);
    }
  }

  /**
   * What training does after its last step, and how much: scoring held-out crops against the mean
   * training image (a diffusion kind samples every scored crop), timing inference on a 512 x 512
   * image, and predicting one held-out site for a montage.
   *
   * @param heldOut whether to compare with the mean image on held-out crops
   * @param maxScoredCrops cap on held-out crops scored (0 = all; {@value Trainer#CI_SCORED_CROPS} at CI)
   * @param timing whether to time inference
   * @param maxTimedEvaluations cap on network evaluations per timed 512 x 512 run (0 = time in
   *     full; 1 at CI: diffusion samplers are timed over one denoiser step after one warm-up step,
   *     about 20 CPU-s each at 512 x 512 with the ci network, and extrapolated to DDIM-50 and
   *     DDPM-1000, see {@link CostMeter#inferenceTiming})
   * @param montage whether to predict one held-out site for {@link TrainingRun#montage()}
   */
  public record Evaluation(boolean heldOut, int maxScoredCrops, boolean timing, int maxTimedEvaluations,
      boolean montage) {

    /** Validates. */
    public Evaluation {
      if (maxScoredCrops < 0 || maxTimedEvaluations < 0) {
        throw new IllegalArgumentException("Evaluation caps must be >= 0, got " + maxScoredCrops + ", "
            + maxTimedEvaluations);
      }
    }

    /** Nothing after training (train --no-eval). */
    public static final Evaluation NONE = new Evaluation(false, 0, false, 0, false);

    /**
     * The notebooks' evaluation of a run size: everything, bounded at CI.
     *
     * @param size the run size
     * @return the evaluation
     */
    public static Evaluation of(RunSize size) {
      boolean ci = size.bounded();
      return new Evaluation(true, ci ? CI_SCORED_CROPS : 0, true, ci ? CI_TIMED_EVALUATIONS : 0, true);
    }

    /**
     * Inference timing alone, bounded at CI as in {@link #of}: what the benchmark keeps of a training
     * run (its cost row). The benchmark scores whole test sites itself, so the held-out crop
     * comparison and the montage would be computed for nothing. Measured at ci on a diffusion model
     * reloaded from a finished notebook run: Palette's training stage 105 -> 94 s, SPADE-Diffusion's
     * 121 -> 103 s (two runs on different synthetic plates); the rest is loading the crops and timing
     * inference at 512 x 512.
     *
     * @param size the run size
     * @return the evaluation
     */
    public static Evaluation timingOnly(RunSize size) {
      return new Evaluation(false, 0, true, size.bounded() ? CI_TIMED_EVALUATIONS : 0, false);
    }

    /** @return one line naming the caps, or that evaluation is skipped */
    public String describe() {
      if (!heldOut && !timing && !montage) {
        return "Held-out comparison and inference timing skipped (--no-eval)";
      }
      return "Held-out comparison: " + (heldOut ? (maxScoredCrops == 0 ? "all held-out crops" : "at most "
          + maxScoredCrops + " held-out crops") + " (cap: --eval-crops; --no-eval skips it)" : "skipped")
          + "; inference timing: " + (timing ? (maxTimedEvaluations == 0 ? "in full" : "over at most "
          + maxTimedEvaluations + " network evaluation(s), extrapolated") : "skipped");
    }
  }

  /**
   * The notebook defaults: synthetic plates of the run size (generated if missing), the kind's
   * preset for that size, output in {@code <workspace>/<size>/runs/<model>}.
   *
   * @param kind the model
   * @param size CI or FULL
   * @return the request
   */
  public static Request of(ModelKind kind, RunSize size) {
    Preset preset = Preset.of(size);
    PlateSet plates = SyntheticPlates.ensure(size);
    Path out = Workspace.current().dir(size, "runs").resolve(kind.cliName());
    TrainingOptions t = TrainingOptions.of(kind, preset).withOutput(out, preset == Preset.CI ? 100 : 5000, false);
    boolean ci = size.bounded();
    return new Request(GeneratorOptions.of(kind, preset), t, plates, null, null, size, ci ? 48 : 0, ci ? 8 : 0,
        Evaluation.of(size), true);
  }

  /**
   * Trains a model with the notebook defaults of a run size.
   *
   * @param kind the model
   * @param size CI (minutes on 2 cores) or FULL (the paper's recipe, meant for a GPU)
   * @return the run
   */
  public static TrainingRun train(ModelKind kind, RunSize size) {
    return train(of(kind, size));
  }

  /**
   * Trains as requested.
   *
   * @param r the request
   * @return the run
   * @throws UncheckedIOException when checkpoints cannot be written
   * @throws TrainingException on NaN loss or out of memory
   */
  public static TrainingRun train(Request r) {
    GeneratorOptions g = r.generator();
    TrainingOptions t = r.training();
    Splits splits = r.splits() != null ? r.splits() : Splits.of(r.plates(), r.cellLine(), t.seed());
    if (r.progress()) {
      System.out.println(splits.description());
    }
    PlateSources.SiteCrops train = PlateSources.crops(r.plates(), splits, Split.TRAIN, r.cellLine(), r.size(),
        g.imageSize(), r.maxTrainSites(), g.inputs(), g.outputs());
    PlateSources.SiteCrops validation = PlateSources.crops(r.plates(), splits, Split.VALIDATE, r.cellLine(), r.size(),
        g.imageSize(), r.maxHeldOutSites(), g.inputs(), g.outputs());
    Evaluation e = r.evaluation();
    PlateSources.SiteCrops test = e.heldOut() || e.montage() ? PlateSources.crops(r.plates(), splits, Split.TEST,
        r.cellLine(), r.size(), g.imageSize(), r.maxHeldOutSites(), g.inputs(), g.outputs()) : null;
    Device device = t.device().device();
    Seeds.seedEngine(t.seed(), 0);
    try (Generator gen = Generators.create(g, train.normalisation(Preprocessing.of(r.size()).normalization()), device);
        TrainingLoop loop = TrainingLoops.create(gen, t, train, validation, true)) {
      CostMeter meter = new CostMeter(device);
      loop.addListener(meter);
      if (r.progress()) {
        loop.addListener(ProgressBar.auto());
      }
      TrainingState state = loop.fit();
      if (r.progress()) {
        System.out.println(e.describe());
      }
      meter.useStoredSteps(state.history());
      boolean ci = r.size().bounded();
      InferenceTiming inference = e.timing() ? CostMeter.inferenceTiming(gen, Sampling.defaults(), 1, ci ? 1 : 5,
          e.maxTimedEvaluations(), DDPM_STEPS) : InferenceTiming.notMeasured(Sampling.defaults());
      CostRecord cost = meter.record(gen, Math.min(t.batchSize(), train.size()), loop.checkpointDir(), inference);
      MeanImageBaseline.Comparison cmp = e.heldOut() ? MeanImageBaseline.compare(gen, train, test, 256,
          e.maxScoredCrops()) : null;
      java.awt.image.BufferedImage m = e.montage() ? montage(gen, test, gen.defaultSampling()) : null;
      return new TrainingRun(g, t, splits, state, cost, cmp, m, loop.checkpointDir());
    } catch (IOException ex) {
      throw new UncheckedIOException("Training " + g.kind().cliName() + " failed to write its checkpoint: "
          + ex.getMessage(), ex);
    }
  }

  /**
   * Predicts the whole first held-out site (blended tiles) and lays it out next to the truth.
   *
   * @param gen the generator
   * @param heldOut held-out crops (their first site is used)
   * @param sampling sampler for diffusion kinds
   * @return the montage
   */
  static java.awt.image.BufferedImage montage(Generator gen, PlateSources.SiteCrops heldOut, Sampling sampling) {
    int per = heldOut.cropsPerSite();
    int tilesPerRow = (int) Math.round(Math.sqrt(per));
    int crop = gen.options().imageSize();
    int side = tilesPerRow * crop;
    List<FloatImage> bf = new ArrayList<>();
    List<FloatImage> truth = new ArrayList<>();
    int ni = heldOut.inputs().size();
    int no = heldOut.outputs().size();
    float[][] bfPx = new float[ni][side * side];
    float[][] flPx = new float[no][side * side];
    try (ai.djl.ndarray.NDManager m = gen.manager().newSubManager()) {
      for (int t = 0; t < per; t++) {
        ai.djl.ndarray.NDList p = heldOut.get(t, m);
        float[] b = p.get(0).toFloatArray();
        float[] f = p.get(1).toFloatArray();
        int x0 = (t % tilesPerRow) * crop;
        int y0 = (t / tilesPerRow) * crop;
        for (int y = 0; y < crop; y++) {
          for (int c = 0; c < ni; c++) {
            System.arraycopy(b, (c * crop + y) * crop, bfPx[c], (y0 + y) * side + x0, crop);
          }
          for (int c = 0; c < no; c++) {
            System.arraycopy(f, (c * crop + y) * crop, flPx[c], (y0 + y) * side + x0, crop);
          }
        }
      }
    }
    for (int c = 0; c < ni; c++) {
      bf.add(new FloatImage(side, side, bfPx[c]));
    }
    for (int c = 0; c < no; c++) {
      truth.add(new FloatImage(side, side, flPx[c]));
    }
    List<FloatImage> pred = TiledPrediction.predict(gen, bf, crop, crop / 4, sampling);
    // the held-out crops carry the generator's own outputs, in its order
    List<Channel> out = gen.options().outputs();
    return PredictionMontage.of(bf.get(shownPlane(heldOut.inputs())), out, truth, pred);
  }

  /**
   * The input plane a montage shows: the in-focus brightfield when the inputs have it, else the first.
   *
   * @param inputs the input planes
   * @return its index
   */
  static int shownPlane(List<Channel> inputs) {
    return Math.max(0, inputs.indexOf(Channel.BRIGHTFIELD));
  }
}
