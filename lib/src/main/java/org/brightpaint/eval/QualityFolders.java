package org.brightpaint.eval;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.brightpaint.data.Channel;
import org.brightpaint.image.FloatImage;

/**
 * File handling of {@code brightpaint quality}: finds Phenix-named images
 * ({@code r<RR>c<CC>f<FF>p<PP>-ch<N>sk1fk1fl1.tiff}) under a folder and reads them as 16-bit values
 * scaled to [0, 1] (value / 65535).
 *
 * <p>The plate of an image is the first folder below the root with any {@code __<timestamp>}
 * suffix removed (the Phenix export layout {@code <plate>__<timestamp>/Images/...}), or "" for
 * images directly in the root. Kept in one class so that it can delegate to the data package's
 * Phenix parser and reader once those are merged.
 */
public final class QualityFolders {
  private static final Pattern PHENIX =
      Pattern.compile("r(\\d{2})c(\\d{2})f(\\d{2})p(\\d{2})-ch(\\d+)sk\\d+fk\\d+fl\\d+\\.tiff?", Pattern.CASE_INSENSITIVE);

  /**
   * One imaging site.
   *
   * @param plate plate name or ""
   * @param well well such as "A01"
   * @param site field number, 1-based
   */
  public record Site(String plate, String well, int site) implements Comparable<Site> {
    @Override
    public int compareTo(Site o) {
      return Comparator.comparing(Site::plate).thenComparing(Site::well).thenComparingInt(Site::site).compare(this, o);
    }

    @Override
    public String toString() {
      return (plate.isEmpty() ? "" : plate + " ") + well + " f" + String.format("%02d", site);
    }
  }

  private QualityFolders() {}

  /**
   * @param root a folder of Phenix-named TIFFs (searched recursively)
   * @return site to channel to file, sorted by site
   * @throws IllegalArgumentException when the folder does not exist or holds no Phenix image
   */
  public static Map<Site, Map<Channel, Path>> scan(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("Not a folder: " + root);
    }
    Map<Site, Map<Channel, Path>> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        Matcher m = PHENIX.matcher(p.getFileName().toString());
        if (!m.matches()) continue;
        Path rel = root.relativize(p);
        String plate = rel.getNameCount() > 1 ? rel.getName(0).toString().replaceFirst("__.*$", "") : "";
        int row = Integer.parseInt(m.group(1)), col = Integer.parseInt(m.group(2));
        if (row < 1 || row > 26) {
          throw new IllegalArgumentException("Row r" + m.group(1) + " out of range in " + p);
        }
        String well = (char) ('A' + row - 1) + String.format("%02d", col);
        Site site = new Site(plate, well, Integer.parseInt(m.group(3)));
        Channel ch = Channel.ofPhenix(Integer.parseInt(m.group(5)));
        Path prev = out.computeIfAbsent(site, k -> new TreeMap<>()).put(ch, p);
        if (prev != null) {
          throw new IllegalArgumentException("Two files for " + site + " " + ch.cpName() + ": " + prev + " and " + p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No Phenix-named images (r<RR>c<CC>f<FF>p<PP>-ch<N>sk1fk1fl1.tiff) under " + root);
    }
    return out;
  }

  /**
   * Reads a single-channel TIFF (8 or 16 bit) as values scaled to [0, 1] by the type's maximum.
   *
   * @param file the image file
   * @return the image
   * @throws IllegalArgumentException naming the file when it cannot be decoded
   */
  public static FloatImage read(Path file) {
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot read image " + file + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IllegalArgumentException("Not a readable TIFF: " + file);
    }
    Raster r = img.getRaster();
    int bits = img.getColorModel().getComponentSize(0);
    double max = (1L << bits) - 1;
    float[] p = new float[img.getWidth() * img.getHeight()];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        p[y * img.getWidth() + x] = (float) (r.getSample(x, y, 0) / max);
      }
    }
    return new FloatImage(img.getWidth(), img.getHeight(), p);
  }
}
