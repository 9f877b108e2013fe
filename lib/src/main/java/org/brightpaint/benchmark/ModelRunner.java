package org.brightpaint.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.brightpaint.data.CellLine;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.eval.MeasuredCost;

/**
 * One model as the benchmark sees it: train on the training split of a plate set into a folder,
 * then predict the five fluorescent channels of other plates as Phenix-named 16-bit TIFFs under
 * {@code <out>/<barcode>/Images/}, so predictions are read exactly like real images.
 */
public interface ModelRunner {

  /** @return the model's name in tables and figures ("unet", "pix2pix", ...) */
  String name();

  /**
   * @param plates the plate set; the runner trains on its TRAIN split
   * @param cellLine train on this cell line only, or null for both
   * @param dir an empty folder for the trained model (or a pointer to it)
   * @throws Exception on failure
   */
  void train(PlateSet plates, CellLine cellLine, Path dir) throws Exception;

  /**
   * @param trained the folder {@link #train} wrote
   * @param plates the plates to predict
   * @param maxSitesPerPlate predict at most this many sites of each plate, chosen by
   *     {@link org.brightpaint.data.Site#spread}; 0 for every site
   * @param out the output folder
   * @throws Exception on failure
   */
  void predict(Path trained, List<PlateFolder> plates, int maxSitesPerPlate, Path out) throws Exception;

  /**
   * @param trained the folder {@link #train} wrote
   * @return the cost measured while training, when the runner records one
   */
  default Optional<MeasuredCost> cost(Path trained) {
    return Optional.empty();
  }
}
