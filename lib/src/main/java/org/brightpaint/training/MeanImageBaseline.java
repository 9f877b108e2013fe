package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.models.Generator;

/**
 * The acceptance check: a generator must predict held-out images better than the trivial
 * baseline that always answers the mean training image.
 *
 * <p>Per channel {@code c}: {@code MSE_model,c = mean over held-out examples and pixels of
 * (G(bf)_c - truth_c)^2} and {@code MSE_mean,c = mean of (meanTrain_c - truth_c)^2}, where
 * {@code meanTrain} is the pixel-wise mean of the training targets (normalised units).
 */
public final class MeanImageBaseline {

  /**
   * The comparison.
   *
   * @param channels output channels
   * @param modelMse the generator's MSE per channel
   * @param baselineMse the mean-training-image MSE per channel
   * @param heldOutExamples how many held-out examples were scored
   */
  public record Comparison(List<Channel> channels, double[] modelMse, double[] baselineMse, int heldOutExamples) {

    /**
     * @param channel a channel
     * @return true when the generator beats the baseline on it
     */
    public boolean beats(Channel channel) {
      int i = channels.indexOf(channel);
      if (i < 0) {
        throw new IllegalArgumentException("No channel " + channel + " in " + channels);
      }
      return modelMse[i] < baselineMse[i];
    }

    /** @return a table channel | model MSE | mean-image MSE */
    public tech.tablesaw.api.Table table() {
      tech.tablesaw.api.StringColumn ch = tech.tablesaw.api.StringColumn.create("channel");
      tech.tablesaw.api.DoubleColumn m = tech.tablesaw.api.DoubleColumn.create("model MSE");
      tech.tablesaw.api.DoubleColumn b = tech.tablesaw.api.DoubleColumn.create("mean-image MSE");
      for (int i = 0; i < channels.size(); i++) {
        ch.append(channels.get(i).cpName());
        m.append(modelMse[i]);
        b.append(baselineMse[i]);
      }
      return tech.tablesaw.api.Table.create("held-out MSE vs mean training image", ch, m, b);
    }
  }

  private MeanImageBaseline() {}

  /**
   * Scores a generator and the mean-image baseline on held-out examples.
   *
   * @param generator the trained generator
   * @param train the training pairs (for the mean image; at most {@code maxTrain} are averaged)
   * @param heldOut held-out pairs
   * @param maxTrain cap on averaged training examples (0 = all)
   * @param maxHeldOut cap on scored held-out examples (0 = all)
   * @return the comparison
   */
  public static Comparison compare(Generator generator, PairedSource train, PairedSource heldOut, int maxTrain,
      int maxHeldOut) {
    int c = generator.options().outputChannels();
    int nt = maxTrain <= 0 ? train.size() : Math.min(maxTrain, train.size());
    int nh = maxHeldOut <= 0 ? heldOut.size() : Math.min(maxHeldOut, heldOut.size());
    double[] model = new double[c];
    double[] base = new double[c];
    try (NDManager m = generator.manager().newSubManager()) {
      NDArray mean = null;
      for (int i = 0; i < nt; i++) {
        // spread the averaged examples over the whole source
        NDArray t = train.get((int) ((long) i * train.size() / nt), m).get(1);
        mean = mean == null ? t : mean.add(t);
      }
      mean = mean.div((float) nt);
      long pixels = 0;
      for (int i = 0; i < nh; i++) {
        try (NDManager s = m.newSubManager()) {
          NDList p = heldOut.get((int) ((long) i * heldOut.size() / nh), s);
          NDArray truth = p.get(1);
          NDArray pred = generator.predict(p.get(0).expandDims(0)).squeeze(0);
          NDArray em = pred.sub(truth).square();
          NDArray eb = mean.sub(truth).square();
          for (int k = 0; k < c; k++) {
            model[k] += em.get(k).sum().getFloat();
            base[k] += eb.get(k).sum().getFloat();
          }
          pixels += truth.getShape().get(1) * truth.getShape().get(2);
        }
      }
      for (int k = 0; k < c; k++) {
        model[k] /= pixels;
        base[k] /= pixels;
      }
    }
    return new Comparison(generator.options().outputs(), model, base, nh);
  }
}
