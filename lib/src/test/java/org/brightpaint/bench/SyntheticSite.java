package org.brightpaint.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Plate;
import org.brightpaint.data.Well;
import org.brightpaint.data.synthetic.SiteRenderer;
import org.brightpaint.data.synthetic.SyntheticOptions;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.features.pipeline.SiteImages;
import org.brightpaint.image.FloatImage;

/**
 * Benchmark sites drawn by the data package's synthetic plate renderer (Phenix-like 16-bit
 * counts of the five fluorescent channels, scaled to 0..1), without writing files.
 */
public final class SyntheticSite {

  private SyntheticSite() {}

  /**
   * @param size width and height in pixels
   * @param cells cells per site
   * @param seed selects the well (seed-th well of the plate map) and field
   * @param imageNumber ImageNumber
   * @return the site, with Plate/Well/Site metadata
   */
  public static SiteImages make(int size, int cells, long seed, int imageNumber) {
    SyntheticOptions o = SyntheticOptions.full().withSize(size).withCellsPerSite(cells);
    Plate plate = o.plates().get(0);
    Well well = o.wells().get((int) (seed % o.wells().size()));
    int field = 1 + (int) (seed % 9);
    SiteRenderer.Rendered r = SyntheticPlates.renderSite(plate, well, field, o);
    Map<String, FloatImage> images = new LinkedHashMap<>();
    for (Channel c : Channel.FLUORESCENT) {
      short[] counts = r.counts().get(c);
      float[] px = new float[counts.length];
      for (int i = 0; i < px.length; i++) {
        px[i] = (counts[i] & 0xffff) / 65535f;
      }
      images.put(c.cpName(), new FloatImage(size, size, px));
    }
    return new SiteImages(imageNumber, Map.of("Plate", plate.barcode(), "Well", well.name(),
        "Site", Integer.toString(field)), images);
  }
}
