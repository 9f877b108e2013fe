package org.brightpaint.benchmark;

import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.training.MeanImageBaseline;

/**
 * The benchmark's "baseline-mean" model: {@link MeanImageBaseline} behind the
 * {@link ModelRunner} interface, so that model numbers have a floor to be read against.
 */
public final class MeanImageRunner implements ModelRunner {

  @Override
  public String name() {
    return MeanImageBaseline.NAME;
  }

  @Override
  public void train(PlateSet plates, CellLine cellLine, Path dir) {
    MeanImageBaseline.trainMeanImages(plates, cellLine, dir);
  }

  @Override
  public void predict(Path trained, List<PlateFolder> plates, int maxSitesPerPlate, Path out) throws Exception {
    MeanImageBaseline.predictMeanImages(trained, plates, maxSitesPerPlate, out);
  }
}
