package org.brightpaint.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;

/**
 * File handling of {@code brightpaint quality}: finds Phenix-named images
 * ({@code r<RR>c<CC>f<FF>p<PP>-ch<N>sk1fk1fl1.tiff}) under a folder and reads them as 16-bit values
 * scaled to [0, 1] (value / 65535).
 *
 * <p>The plate of an image is the first folder below the root with any {@code __<timestamp>}
 * suffix removed (the Phenix export layout {@code <plate>__<timestamp>/Images/...}), or "" for
 * images directly in the root. Names are parsed by {@link PhenixFileName}. A folder with no
 * Phenix-named image is read through its {@code load_data.csv} files instead (any names, TIFF or
 * PNG: a user's own layout and its predictions), the plate then being {@code Metadata_Plate}.
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
        String name = p.getFileName().toString();
        if (!PHENIX.matcher(name).matches()) continue;
        PhenixFileName f = PhenixFileName.parse(name);
        Path rel = root.relativize(p);
        String plate = rel.getNameCount() > 1 ? rel.getName(0).toString().replaceFirst("__.*$", "") : "";
        Site site = new Site(plate, f.well().name(), f.field());
        Channel ch = f.channel();
        Path prev = out.computeIfAbsent(site, k -> new TreeMap<>()).put(ch, p);
        if (prev != null) {
          throw new IllegalArgumentException("Two files for " + site + " " + ch.cpName() + ": " + prev + " and " + p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
    if (out.isEmpty()) {
      out = scanLoadData(root);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No Phenix-named images (r<RR>c<CC>f<FF>p<PP>-ch<N>sk1fk1fl1.tiff) and no "
          + "load_data.csv under " + root);
    }
    return out;
  }

  /**
   * The images of a folder without Phenix names, as its LoadData CSVs ({@code load_data.csv},
   * searched recursively) list them: the layout of a user's own plate and of its predictions.
   * The plate of a site is its {@code Metadata_Plate}.
   *
   * @param root the folder
   * @return site to channel to file (empty when the folder has no load_data.csv)
   * @throws IllegalArgumentException naming the CSV when it is malformed or two rows name the same site and channel
   */
  private static Map<Site, Map<Channel, Path>> scanLoadData(Path root) {
    Map<Site, Map<Channel, Path>> out = new TreeMap<>();
    List<Path> csvs;
    try (Stream<Path> s = Files.walk(root)) {
      csvs = s.filter(p -> p.getFileName().toString().equals("load_data.csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root, e);
    }
    for (Path csv : csvs) {
      for (LoadData.Row r : LoadData.read(csv).rows()) {
        Site site = new Site(r.site().plate(), r.site().well().name(), r.site().field());
        for (Channel c : r.fileNames().keySet()) {
          Path f = r.file(c, csv.toAbsolutePath().getParent());
          Path prev = out.computeIfAbsent(site, k -> new TreeMap<>()).put(c, f);
          if (prev != null) {
            throw new IllegalArgumentException("Two files for " + site + " " + c.cpName() + ": " + prev + " and " + f);
          }
        }
      }
    }
    return out;
  }

  /**
   * Reads an image as intensities in [0, 1], scaled by its own bit depth
   * ({@link org.brightpaint.data.io.RawImage#scaled()}).
   *
   * @param file the image file
   * @return the scaled image
   * @throws IllegalArgumentException naming the file when it is unreadable, corrupt or not one
   *     channel
   */
  public static FloatImage read(Path file) {
    return ImageReader.read(file).scaled();
  }
}
