package org.brightpaint.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.eval.MeasuredCost;
import org.brightpaint.models.DeviceChoice;
import org.brightpaint.models.Generator;
import org.brightpaint.models.GeneratorOptions;
import org.brightpaint.models.Generators;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.PlatePrediction;
import org.brightpaint.models.Preset;
import org.brightpaint.training.CheckpointFiles;
import org.brightpaint.training.CostRecord;
import org.brightpaint.training.Trainer;
import org.brightpaint.training.TrainingOptions;
import org.brightpaint.training.TrainingRun;

/**
 * A generator of the models package as a benchmark model: training through
 * {@link Trainer#train(Trainer.Request)} with the preset of the run size (its "ci" recipe: 48
 * training sites, minutes on 2 cores; "full": the paper's recipe), prediction through the
 * library's {@link PlatePrediction} (blended tiles, DDIM with 50 steps for the diffusion models;
 * predictions in the input's size and intensity space), and the training cost meter's record as the cost row.
 *
 * <p>Training checkpoints go to {@code <runs>/<model>/} (both lines) or
 * {@code <runs>/<model>-<LINE>/} outside the stage folder, so a training run killed mid-way
 * resumes from its last checkpoint. The both-lines folder is the one
 * {@code Trainer.of(kind, size)} (notebooks 02 to 06) uses in the workspace, so the benchmark of
 * {@link Benchmark#current()} continues those runs instead of training again. The stage folder
 * keeps the path of the final checkpoint and the cost record. After training only inference is
 * timed ({@link Trainer.Evaluation#timingOnly}): the benchmark scores whole test sites itself.
 */
public final class GeneratorRunner implements ModelRunner {
  private final ModelKind kind;
  private final RunSize size;
  private final Path runs;
  private final Path pretrained;

  private GeneratorRunner(ModelKind kind, RunSize size, Path runs, Path pretrained) {
    this.kind = kind;
    this.size = size;
    this.runs = runs;
    this.pretrained = pretrained;
  }

  /**
   * @param kind the generator
   * @param size the run size (preset and preprocessing)
   * @param runs the folder for training checkpoints
   * @return the runner
   */
  public static GeneratorRunner of(ModelKind kind, RunSize size, Path runs) {
    return new GeneratorRunner(kind, size, runs, null);
  }

  /**
   * A generator trained earlier (by {@code brightpaint train}): its training stage only records
   * the checkpoint, so the benchmark predicts, profiles and evaluates it without training again.
   * Its cost row is the benchmark's own timing (training time NaN: not measured in this run).
   *
   * @param kind the generator the checkpoint must hold
   * @param size the run size (the preprocessing it was trained with)
   * @param checkpoint the {@code train --out} folder, a checkpoint folder or a generator folder
   * @return the runner
   * @throws IllegalArgumentException naming the folder when it holds no checkpoint
   */
  public static GeneratorRunner pretrained(ModelKind kind, RunSize size, Path checkpoint) {
    CheckpointFiles.generatorDir(checkpoint);
    return new GeneratorRunner(kind, size, null, checkpoint.toAbsolutePath().normalize());
  }

  /**
   * @param size the run size
   * @param runs the folder for training checkpoints
   * @return runners for the five generators in the paper's order
   */
  public static List<ModelRunner> all(RunSize size, Path runs) {
    return List.of(of(ModelKind.UNET, size, runs), of(ModelKind.PIX2PIX, size, runs), of(ModelKind.SPADE, size, runs),
        of(ModelKind.PALETTE, size, runs), of(ModelKind.SPADE_DIFFUSION, size, runs));
  }

  @Override
  public String name() {
    return kind.cliName();
  }

  @Override
  public void train(PlateSet plates, CellLine cellLine, Path dir) throws Exception {
    if (pretrained != null) {
      if (cellLine != null) {
        throw new IllegalArgumentException("The " + kind.cliName() + " checkpoint " + pretrained
            + " was trained earlier: it cannot be retrained per cell line; leave it out of --cross-line");
      }
      Files.writeString(dir.resolve("checkpoint.txt"), pretrained.toString());
      return;
    }
    Preset preset = Preset.of(size);
    boolean ci = size.bounded();
    Path out = runs.resolve(kind.cliName() + (cellLine == null ? "" : "-" + cellLine.name()));
    TrainingOptions t = TrainingOptions.of(kind, preset).withOutput(out, ci ? 100 : 5000, true);
    TrainingRun run = Trainer.train(new Trainer.Request(GeneratorOptions.of(kind, preset), t, plates, null, cellLine,
        size, ci ? 48 : 0, ci ? 8 : 0, Trainer.Evaluation.timingOnly(size), true));
    Files.writeString(dir.resolve("checkpoint.txt"), run.checkpoint().toAbsolutePath().toString());
    CostRecord c = run.cost();
    double peak = (c.peakNativeBytes() > 0 ? Math.max(c.peakNativeBytes(), c.peakHeapBytes()) : c.peakHeapBytes()) / 1e6;
    Files.writeString(dir.resolve("cost.csv"), String.join(",", kind.cliName(), c.device(), preset.name().toLowerCase(),
        Double.toString(c.secondsPerStep()), Integer.toString(c.batchSize()), Double.toString(peak),
        Double.toString(c.inferenceSecondsPer512()), Double.toString(c.checkpointBytes() / 1e6),
        Double.toString(c.generatorBytes() / 1e6)) + "\n");
  }

  @Override
  public void predict(Path trained, List<PlateFolder> plates, int maxSitesPerPlate, Path out) throws Exception {
    Path checkpoint = Path.of(Files.readString(trained.resolve("checkpoint.txt")).trim());
    try (Generator g = Generators.load(CheckpointFiles.generatorDir(checkpoint), kind, DeviceChoice.AUTO.device())) {
      PlatePrediction.Options o = new PlatePrediction.Options(Preprocessing.of(size), g.defaultSampling(),
          maxSitesPerPlate);
      for (PlateFolder p : plates) {
        PlatePrediction.predict(g, p, o, out);
      }
    }
  }

  @Override
  /**
   * @throws IllegalStateException naming the file when the training stage's cost record is
   *     missing or unreadable (a resumed stage would otherwise report a training time of 0 s)
   */
  public Optional<MeasuredCost> cost(Path trained) {
    if (pretrained != null) {
      return Optional.empty();
    }
    Path file = trained.resolve("cost.csv");
    try {
      String[] f = Files.readString(file).trim().split(",");
      return Optional.of(new MeasuredCost(f[0], f[1], f[2], Double.parseDouble(f[3]), Integer.parseInt(f[4]),
          Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8])));
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("Cost record " + file + " of " + name() + " is missing or unreadable (" + e.getMessage()
          + "): delete " + trained + " to retrain and measure it", e);
    }
  }
}
