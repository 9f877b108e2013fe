package org.brightpaint.data.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.Csv;
import org.brightpaint.image.FloatImage;

/**
 * A user's own layout made from a plate folder, to show and test that the toolkit takes images as
 * they come: chosen channels of every site, renamed (e.g. LowZBF and HighZBF as two phase planes
 * "Phase1", "Phase2", DNA kept), written as 16-bit PNGs with the user's own file names in one
 * folder per well, and a CellProfiler LoadData CSV describing them:
 * <pre>
 * out/&lt;well&gt;/&lt;well&gt;_s&lt;site&gt;_&lt;name&gt;.png       16-bit greyscale, the source's counts
 * out/load_data.csv    Metadata_Plate, Metadata_Well, Metadata_Site, FileName_&lt;name&gt;, PathName_&lt;name&gt;
 * </pre>
 * The folder is written atomically ({@link AtomicFiles#writeFolder}).
 */
public final class OwnLayout {

  private OwnLayout() {}

  /**
   * Re-lays out a plate.
   *
   * @param plate the source plate (any layout)
   * @param renamed which source channel becomes which of the user's names, in column order
   *     (e.g. {@code LOW_Z_BF -> "Phase1", HIGH_Z_BF -> "Phase2", DNA -> "DNA"})
   * @param out the folder to write (replaced when it exists)
   * @return the written LoadData CSV, {@code out/load_data.csv}
   * @throws IllegalArgumentException naming the file when a source image is missing or a value
   *     does not fit 16 bits
   */
  public static Path write(PlateFolder plate, Map<Channel, String> renamed, Path out) {
    Map<Channel, Channel> to = new LinkedHashMap<>();
    renamed.forEach((c, n) -> to.put(c, Channel.named(n)));
    try {
      AtomicFiles.writeFolder(out, tmp -> {
        List<LoadData.Row> rows = new ArrayList<>();
        for (Site s : plate.sites()) {
          Map<Channel, String> files = new LinkedHashMap<>();
          Map<Channel, String> paths = new LinkedHashMap<>();
          String well = s.well().name();
          Path dir = Files.createDirectories(tmp.resolve(well));
          for (Map.Entry<Channel, Channel> e : to.entrySet()) {
            String name = well + "_s" + s.field() + "_" + e.getValue().cpName().toLowerCase(java.util.Locale.ROOT) + ".png";
            writePng16(plate.read(s, e.getKey()), dir.resolve(name));
            files.put(e.getValue(), name);
            paths.put(e.getValue(), well);
          }
          rows.add(new LoadData.Row(s, files, paths, Map.of()));
        }
        // as a user writes it: FileName_<Name>, without the "Orig" prefix of CellProfiler's own CSVs
        Csv csv = new LoadData(rows).toCsv();
        new Csv(csv.header().stream().map(h -> h.replaceFirst("^(FileName|PathName)_Orig", "$1_")).toList(), csv.rows())
            .write(tmp.resolve("load_data.csv"));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the re-laid-out plate to " + out + ": " + e.getMessage(), e);
    }
    return out.resolve("load_data.csv");
  }

  private static void writePng16(FloatImage img, Path file) throws IOException {
    BufferedImage b = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = b.getRaster();
    float[] px = img.pixels();
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        float v = px[y * img.width() + x];
        if (!(v >= 0 && v <= 65535)) {
          throw new IllegalArgumentException("Value " + v + " at (" + x + ", " + y + ") does not fit a 16-bit PNG: " + file);
        }
        r.setSample(x, y, 0, Math.round(v));
      }
    }
    if (!ImageIO.write(b, "png", file.toFile())) {
      throw new IOException("No PNG writer for " + file);
    }
  }
}
