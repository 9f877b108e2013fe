package org.brightpaint.training;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.brightpaint.data.Splits;
import org.brightpaint.models.GeneratorOptions;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The result of {@link Trainer#train}: what a notebook shows after training a model.
 *
 * @param generatorOptions the generator's recipe
 * @param trainingOptions the training settings
 * @param splits how the sites were split into train, validate and test
 * @param state step, seed, losses and validations
 * @param cost the cost record (Table 4 columns)
 * @param baseline held-out MSE of the model vs the mean training image; null when the comparison
 *     was skipped ({@code train --no-eval})
 * @param montage predictions next to ground truth for one held-out site, per channel; null when
 *     skipped
 * @param checkpoint the final checkpoint folder ({@code generator/} inside is loadable by
 *     {@code Generators.load})
 */
public record TrainingRun(GeneratorOptions generatorOptions, TrainingOptions trainingOptions, Splits splits, TrainingState state,
    CostRecord cost, MeanImageBaseline.Comparison baseline, BufferedImage montage, Path checkpoint) {

  /** @return loss and validation curves */
  public TrainingCurves curves() {
    return TrainingCurves.of(state);
  }

  /** @return the cost record as a two-column table (quantity, value) for display */
  public Table costTable() {
    StringColumn q = StringColumn.create("quantity");
    StringColumn v = StringColumn.create("value");
    CostRecord c = cost;
    add(q, v, "model", c.kind().cliName());
    add(q, v, "device", c.device());
    add(q, v, "trainable parameters", String.format("%,d", c.parameters()));
    add(q, v, "crop / batch", c.trainImageSize() + " px / " + c.batchSize());
    add(q, v, "seconds per step", num("%.3f", c.secondsPerStep()));
    add(q, v, "seconds per epoch", Double.isNaN(c.secondsPerEpoch())
        ? "n/a (no epoch completed: " + state.step() + " steps)" : String.format("%.1f", c.secondsPerEpoch()));
    add(q, v, "training images per second", num("%.2f", c.trainImagesPerSecond()));
    add(q, v, "peak JVM heap", mb(c.peakHeapBytes()));
    add(q, v, "peak native memory", mb(c.peakNativeBytes()));
    InferenceTiming inf = c.inference();
    if (!inf.measured()) {
      add(q, v, "inference s per 512x512 image", "not measured (skipped with --no-eval)");
      add(q, v, "checkpoint (full)", mb(c.checkpointBytes()));
      add(q, v, "checkpoint (generator only)", mb(c.generatorBytes()));
      return Table.create("cost of " + c.kind().cliName(), q, v);
    }
    boolean iterative = !Double.isNaN(inf.ddpmSecondsPerImage());
    String sampler = iterative ? " (" + inf.sampling().sampler() + "-" + inf.sampling().steps() + ")" : "";
    add(q, v, "inference s per 512x512 image" + sampler, String.format("%.3f", c.inferenceSecondsPer512())
        + (inf.extrapolated() ? " (extrapolated: " + inf.evaluations() + " x " + String.format("%.3f",
        inf.secondsPerEvaluation()) + " s per denoiser step, " + inf.timedEvaluations() + (inf.timedEvaluations() == 1 ? " step timed)" : " steps timed)") : ""));
    if (iterative) {
      add(q, v, "inference s per 512x512 image (DDPM-" + inf.ddpmSteps() + ")",
          String.format("%.1f (extrapolated: %d x %.3f s per denoiser step)", inf.ddpmSecondsPerImage(),
              inf.ddpmSteps(), inf.secondsPerEvaluation()));
    }
    add(q, v, "checkpoint (full)", mb(c.checkpointBytes()));
    add(q, v, "checkpoint (generator only)", mb(c.generatorBytes()));
    return Table.create("cost of " + c.kind().cliName(), q, v);
  }

  private static void add(StringColumn q, StringColumn v, String name, String value) {
    q.append(name);
    v.append(value);
  }

  private static String num(String format, double x) {
    return Double.isFinite(x) ? String.format(format, x) : "n/a (no step timed)";
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format("%.2f MB", bytes / 1e6);
  }

  /**
   * @return one-row-per-channel table of the baseline comparison
   * @throws IllegalStateException when the comparison was skipped
   */
  public Table baselineTable() {
    if (baseline == null) {
      throw new IllegalStateException("The held-out comparison was skipped for this run (--no-eval)");
    }
    return baseline.table();
  }

  /** @return the losses of the last step, for a one-line summary */
  public String summary() {
    StepLog last = state.history().isEmpty() ? null : state.history().get(state.history().size() - 1);
    return generatorOptions.kind().cliName() + ": " + state.step() + " steps"
        + (last == null ? "" : ", last losses " + losses(last.losses()));
  }

  /** @return "g_total 13.97, d 0.03205": each loss with 4 significant digits (no Java map text) */
  static String losses(java.util.Map<String, Double> losses) {
    StringBuilder sb = new StringBuilder();
    for (var e : losses.entrySet()) {
      sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
          .append(!Double.isFinite(e.getValue()) ? Double.toString(e.getValue())
              : new java.math.BigDecimal(e.getValue()).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString());
    }
    return sb.toString();
  }
}
