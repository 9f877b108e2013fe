package org.brightpaint.benchmark;

import java.nio.file.Path;
import java.util.List;
import org.brightpaint.data.PlateFolder;

/**
 * One model as the benchmark sees it: train on plates into a folder, then predict the five
 * fluorescent channels of other plates as Phenix-named 16-bit TIFFs under
 * {@code <out>/<barcode>/Images/}, so predictions are read exactly like real images.
 */
public interface ModelRunner {

  /** @return the model's name in tables and figures ("unet", "pix2pix", ...) */
  String name();

  /**
   * @param trainPlates the training plates
   * @param dir an empty folder for the trained model
   * @throws Exception on failure
   */
  void train(List<PlateFolder> trainPlates, Path dir) throws Exception;

  /**
   * @param trained the folder {@link #train} wrote
   * @param plates the plates to predict (every site)
   * @param out the output folder
   * @throws Exception on failure
   */
  void predict(Path trained, List<PlateFolder> plates, Path out) throws Exception;
}
