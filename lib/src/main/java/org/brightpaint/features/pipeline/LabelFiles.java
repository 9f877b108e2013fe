package org.brightpaint.features.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.brightpaint.image.LabelImage;

/**
 * Saves label images as 16-bit grey PNGs (pixel value = object number), written to a temporary
 * file and renamed into place.
 */
public final class LabelFiles {

  private LabelFiles() {}

  /**
   * Writes one label image.
   *
   * @param labels the labels (at most 65535 objects)
   * @param file the target {@code .png}
   * @throws IOException on write errors or too many objects
   */
  public static void write(LabelImage labels, Path file) throws IOException {
    if (labels.count() > 65535) {
      throw new IOException("Cannot save " + labels.count() + " objects as 16-bit PNG: " + file);
    }
    BufferedImage bi = new BufferedImage(labels.width(), labels.height(), BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = bi.getRaster();
    r.setSamples(0, 0, labels.width(), labels.height(), 0, labels.labels());
    org.brightpaint.data.io.AtomicFiles.write(file, out -> {
      if (!ImageIO.write(bi, "png", out)) {
        throw new IOException("No PNG writer for " + file);
      }
    });
  }

  /**
   * Reads a label PNG written by {@link #write}.
   *
   * @param file the file
   * @return the labels
   * @throws IOException when unreadable
   */
  public static LabelImage read(Path file) throws IOException {
    BufferedImage bi = ImageIO.read(file.toFile());
    if (bi == null) {
      throw new IOException("Not a readable label image: " + file);
    }
    int w = bi.getWidth();
    int h = bi.getHeight();
    return LabelImage.of(w, h, bi.getRaster().getSamples(0, 0, w, h, 0, (int[]) null));
  }
}
