package org.brightpaint.features.pipeline;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.brightpaint.image.FloatImage;

/**
 * Reads single-channel TIFFs (8- or 16-bit, via TwelveMonkeys ImageIO) as CellProfiler's
 * NamesAndTypes/LoadData do with "rescale intensities": value / rawMaximum, so 16-bit Phenix
 * images use 65535 and the 8-bit ExampleHuman images 255.
 */
public final class TiffImages {

  private TiffImages() {}

  /**
   * Reads a TIFF file.
   *
   * @param file the file
   * @param rawMaximum the raw value mapped to 1
   * @return the first band as a 0..1 image
   * @throws IOException naming the file when it is missing, unreadable or not an image
   */
  public static FloatImage read(Path file, double rawMaximum) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("Image file not found: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, rawMaximum, file.toString());
    }
  }

  /**
   * Reads a TIFF stream.
   *
   * @param in the stream
   * @param rawMaximum the raw value mapped to 1
   * @param what a name for error messages
   * @return the first band as a 0..1 image
   * @throws IOException naming {@code what} when the data is not a readable image
   */
  public static FloatImage read(InputStream in, double rawMaximum, String what) throws IOException {
    BufferedImage bi;
    try {
      bi = ImageIO.read(in);
    } catch (RuntimeException e) {
      throw new IOException("Corrupt image " + what + ": " + e.getMessage(), e);
    }
    if (bi == null) {
      throw new IOException("Not a readable image (corrupt or unsupported TIFF): " + what);
    }
    Raster r = bi.getRaster();
    int w = r.getWidth();
    int h = r.getHeight();
    int[] samples = r.getSamples(0, 0, w, h, 0, (int[]) null);
    float[] px = new float[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) (samples[i] / rawMaximum);
    }
    return new FloatImage(w, h, px);
  }
}
