package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.models.Generator;
import org.brightpaint.models.Sampling;

/**
 * The acceptance check of a trained generator against the trivial baseline: per-channel MSE on
 * held-out pairs of the generator's prediction and of the mean training image (the pixel-wise
 * mean of the training fluorescence, which is what a model that ignored the brightfield would
 * best predict under MSE). All values in normalised units.
 *
 * @param channels the output channels, in tensor order
 * @param modelMse MSE of the generator per channel
 * @param baselineMse MSE of the mean training image per channel
 * @param heldOutImages how many held-out pairs were scored
 * @param trainImages how many training pairs made the mean image
 */
public record MeanImageBaseline(List<Channel> channels, double[] modelMse, double[] baselineMse, int heldOutImages,
    int trainImages) {

  /** Copies the arrays. */
  public MeanImageBaseline {
    channels = List.copyOf(channels);
    modelMse = modelMse.clone();
    baselineMse = baselineMse.clone();
  }

  /**
   * Scores a generator.
   *
   * @param generator the trained generator
   * @param train training pairs (for the mean image)
   * @param heldOut held-out pairs (sites not used in training), same crop size as {@code train}
   * @param images at most this many held-out pairs (0 = all)
   * @param sampling the sampler for diffusion generators (ignored by the others)
   * @return the comparison
   */
  public static MeanImageBaseline compare(Generator generator, PairedSource train, PairedSource heldOut, int images,
      Sampling sampling) {
    int n = images <= 0 ? heldOut.size() : Math.min(images, heldOut.size());
    int c = generator.options().outputChannels();
    double[] model = new double[c];
    double[] base = new double[c];
    try (NDManager m = generator.manager().newSubManager()) {
      NDArray mean = null;
      for (int i = 0; i < train.size(); i++) {
        try (NDManager tm = m.newSubManager()) {
          NDArray fl = train.get(i, tm).get(1);
          if (mean == null) {
            mean = fl.duplicate();
            mean.attach(m);
          } else {
            mean.addi(fl);
          }
        }
      }
      mean.divi(train.size());
      for (int i = 0; i < n; i++) {
        try (NDManager hm = m.newSubManager()) {
          NDList pair = heldOut.get(i, hm);
          NDArray truth = pair.get(1);
          NDArray pred = generator.predict(pair.get(0).expandDims(0), sampling).squeeze(0);
          float[] em = pred.sub(truth).square().mean(new int[] {1, 2}).toFloatArray();
          float[] eb = mean.sub(truth).square().mean(new int[] {1, 2}).toFloatArray();
          for (int k = 0; k < c; k++) {
            model[k] += em[k] / n;
            base[k] += eb[k] / n;
          }
        }
      }
    }
    return new MeanImageBaseline(generator.options().outputs(), model, base, n, train.size());
  }

  /**
   * @param channel a channel
   * @return whether the generator beats the baseline on it
   */
  public boolean beatsBaseline(Channel channel) {
    int k = channels.indexOf(channel);
    if (k < 0) {
      throw new IllegalArgumentException(channel + " is not predicted; channels are " + channels);
    }
    return modelMse[k] < baselineMse[k];
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("MSE on " + heldOutImages + " held-out crops (model vs mean training image):");
    for (int k = 0; k < channels.size(); k++) {
      b.append(String.format(" %s %.4f vs %.4f;", channels.get(k).cpName(), modelMse[k], baselineMse[k]));
    }
    return b.toString();
  }
}
