package org.brightpaint.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Site;
import org.brightpaint.data.Split;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.brightpaint.models.Generator;

/**
 * The mean-image baseline: the trivial predictor that answers the pixel-wise mean training image
 * of each fluorescent channel whatever the brightfield shows. Every generator must beat it.
 *
 * <p>Two uses of the one concept: the acceptance check of training ({@link #compare}, on
 * normalised crops) and the benchmark's "baseline-mean" model ({@link #trainMeanImages} and
 * {@link #predictMeanImages}, on whole images in counts), so model numbers have a floor.
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

  /** The model name used in benchmark outputs. */
  public static final String NAME = "baseline-mean";

  private MeanImageBaseline() {}

  /**
   * The baseline "model" of the benchmark: writes the pixel-wise mean training image of each
   * fluorescent channel, in counts, as {@code dir/mean_<Channel>.tiff}.
   *
   * <p>Intensity space: the mean of the stored training images (raw counts, the input's space,
   * with the plate's uneven illumination in them), compared with the real test images read the
   * same way, as the generators' predictions are once written in the input's space.
   *
   * @param plates the plate tree (its TRAIN plates are averaged)
   * @param cellLine only plates of this line, or null for all
   * @param dir the output folder
   * @throws IllegalArgumentException when there are no training plates or sizes differ
   */
  public static void trainMeanImages(PlateSet plates, CellLine cellLine, Path dir) {
    List<PlateFolder> trainPlates = plates.plates().stream()
        .filter(p -> p.split().orElse(null) == Split.TRAIN && (cellLine == null || p.cellLine().orElse(null) == cellLine))
        .toList();
    if (trainPlates.isEmpty()) {
      throw new IllegalArgumentException("No training plates" + (cellLine == null ? "" : " of " + cellLine) + " under " + plates.root());
    }
    for (Channel c : Channel.FLUORESCENT) {
      double[] sum = null;
      int w = 0, h = 0, n = 0;
      for (PlateFolder p : trainPlates) {
        for (Site s : p.sites()) {
          FloatImage img = p.read(s, c);
          if (sum == null) {
            w = img.width();
            h = img.height();
            sum = new double[w * h];
          } else if (img.width() != w || img.height() != h) {
            throw new IllegalArgumentException("Training image " + p.file(s, c) + " is " + img.width() + " x " + img.height()
                + ", others " + w + " x " + h + ": the mean-image baseline needs one size");
          }
          float[] px = img.pixels();
          for (int i = 0; i < px.length; i++) sum[i] += px[i];
          n++;
        }
      }
      if (sum == null) throw new IllegalArgumentException("No training sites in " + trainPlates);
      float[] mean = new float[sum.length];
      for (int i = 0; i < mean.length; i++) mean[i] = (float) Math.round(sum[i] / n);
      Tiff16.write(dir.resolve("mean_" + c.cpName() + ".tiff"), new FloatImage(w, h, mean));
    }
  }

  /**
   * Predicts every site as the mean training image: copies {@code trained/mean_<Channel>.tiff}
   * to {@code out/<plate>/Images/<Phenix name>}.
   *
   * @param trained the folder {@link #trainMeanImages} wrote
   * @param plates the plates to predict
   * @param maxSitesPerPlate sites per plate, spread over the plate (0 = all)
   * @param out the output folder
   * @throws IOException on read or write errors
   */
  public static void predictMeanImages(Path trained, List<PlateFolder> plates, int maxSitesPerPlate, Path out)
      throws IOException {
    for (Channel c : Channel.FLUORESCENT) {
      byte[] bytes = Files.readAllBytes(trained.resolve("mean_" + c.cpName() + ".tiff"));
      for (PlateFolder p : plates) {
        Path images = out.resolve(p.barcode()).resolve("Images");
        Files.createDirectories(images);
        for (Site s : Site.spread(p.sites(), maxSitesPerPlate)) {
          Files.write(images.resolve(PhenixFileName.of(s.well(), s.field(), c).fileName()), bytes);
        }
      }
    }
  }

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
