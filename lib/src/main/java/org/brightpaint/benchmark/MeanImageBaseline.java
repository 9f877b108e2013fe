package org.brightpaint.benchmark;

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

/**
 * The trivial reference every generator must beat: the pixel-wise mean training image of each
 * fluorescent channel, predicted for every site whatever its brightfield shows. It sits in the
 * benchmark's tables as "baseline-mean" so that model numbers have a floor to be read against.
 *
 * <p>Intensity space: the mean of the stored training images (raw counts, the input's space, with
 * the plate's uneven illumination in them), compared with the real test images read the same way,
 * as the generators' predictions are once written in the input's space.
 */
public final class MeanImageBaseline implements ModelRunner {

  /** The model name used in outputs. */
  public static final String NAME = "baseline-mean";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void train(PlateSet plates, CellLine cellLine, Path dir) throws Exception {
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

  @Override
  public void predict(Path trained, List<PlateFolder> plates, int maxSitesPerPlate, Path out) throws Exception {
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
}
