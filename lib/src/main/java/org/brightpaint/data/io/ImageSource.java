package org.brightpaint.data.io;

import java.util.List;
import java.util.Optional;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Site;
import org.brightpaint.image.FloatImage;

/**
 * Where the raw images of a plate come from. {@link org.brightpaint.data.PlateFolder} reads a
 * cpg0000 folder of Phenix TIFFs (numbered as CPJUMP1 or by a channel map), or any files a
 * CellProfiler LoadData CSV names; a Bio-Formats reader (for .flex, .ome.tiff, vendor formats)
 * would be one more implementation of this interface — Bio-Formats is not on the package
 * registries this project can reach, so none ships here.
 */
public interface ImageSource {

  /** @return the plate barcode */
  String plate();

  /** @return every site the source holds, in site order */
  List<Site> sites();

  /**
   * Reads one channel of one site.
   *
   * @param site the site
   * @param channel the channel
   * @return raw camera counts
   * @throws IllegalArgumentException naming the file when it is missing, corrupt or of the
   *     wrong size
   */
  FloatImage read(Site site, Channel channel);

  /**
   * The plate's illumination function for a channel, if the source has one.
   *
   * @param channel the channel
   * @return the function (values &gt; 0; divide images by it), or empty
   */
  Optional<FloatImage> illumination(Channel channel);
}
