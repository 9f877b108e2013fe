package org.brightpaint.features.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brightpaint.image.FloatImage;

/**
 * The images of one field of view ("image set" in CellProfiler), scaled to 0..1, with its
 * metadata.
 *
 * @param imageNumber CellProfiler's ImageNumber (1-based)
 * @param metadata metadata values keyed without the {@code Metadata_} prefix (e.g. Plate, Well,
 *     Site)
 * @param images image name to image; all the same size, all values finite
 */
public record SiteImages(int imageNumber, Map<String, String> metadata, Map<String, FloatImage> images) {

  /**
   * Validates sizes and values.
   *
   * @throws IllegalArgumentException naming the image and pixel with a non-finite value, or the
   *     image whose size differs
   */
  public SiteImages {
    if (imageNumber < 1) {
      throw new IllegalArgumentException("ImageNumber must be >= 1, got " + imageNumber);
    }
    if (images == null || images.isEmpty()) {
      throw new IllegalArgumentException("Image set " + imageNumber + " has no images");
    }
    FloatImage first = null;
    String firstName = null;
    for (Map.Entry<String, FloatImage> e : images.entrySet()) {
      FloatImage im = e.getValue();
      if (first == null) {
        first = im;
        firstName = e.getKey();
      } else if (im.width() != first.width() || im.height() != first.height()) {
        throw new IllegalArgumentException("Image set " + imageNumber + ": image " + e.getKey() + " is "
            + im.width() + " x " + im.height() + " but " + firstName + " is " + first.width() + " x " + first.height());
      }
      float[] p = im.pixels();
      for (int i = 0; i < p.length; i++) {
        if (!Float.isFinite(p[i])) {
          throw new IllegalArgumentException("Image set " + imageNumber + ": image " + e.getKey()
              + " has a non-finite value " + p[i] + " at x=" + (i % im.width()) + ", y=" + (i / im.width()));
        }
      }
    }
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
    images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
  }

  /**
   * @param name an image name
   * @return the image
   * @throws IllegalArgumentException naming the missing image and the ones present
   */
  public FloatImage image(String name) {
    FloatImage im = images.get(name);
    if (im == null) {
      throw new IllegalArgumentException("Image set " + imageNumber + " has no image '" + name
          + "'; it has " + images.keySet());
    }
    return im;
  }

  /** @return the common width */
  public int width() {
    return images.values().iterator().next().width();
  }

  /** @return the common height */
  public int height() {
    return images.values().iterator().next().height();
  }
}
