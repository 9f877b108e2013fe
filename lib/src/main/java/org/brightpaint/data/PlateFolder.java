package org.brightpaint.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.brightpaint.data.io.Csv;
import org.brightpaint.data.io.ImageSource;
import org.brightpaint.data.io.Npy;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.image.FloatImage;

/**
 * A plate folder in cpg0000 layout, real or synthetic:
 * <pre>
 * &lt;plate&gt;/Images/r&lt;RR&gt;c&lt;CC&gt;f&lt;FF&gt;p01-ch&lt;N&gt;sk1fk1fl1.tiff
 * &lt;plate&gt;/illum/&lt;plate&gt;_Illum&lt;Channel&gt;.npy      (optional)
 * &lt;plate&gt;/load_data.csv                          (optional; otherwise the Images folder is listed)
 * &lt;plate&gt;/plate.csv                              (optional: barcode, cell_line, split, synthetic)
 * </pre>
 * The folder's name is the barcode, or {@code <barcode>__<timestamp>} as in the Gallery.
 *
 * @param dir the plate folder
 * @param barcode the plate barcode
 */
public record PlateFolder(Path dir, String barcode) implements ImageSource {

  /** The file holding a synthetic plate's description. */
  public static final String PLATE_INFO = "plate.csv";

  /**
   * Opens a plate folder.
   *
   * @param dir the folder
   * @return the plate
   * @throws IllegalArgumentException naming the folder when it has no Images sub-folder
   */
  public static PlateFolder open(Path dir) {
    if (!Files.isDirectory(dir.resolve("Images"))) {
      throw new IllegalArgumentException("Not a plate folder (no Images/ inside): " + dir);
    }
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    int cut = name.indexOf("__");
    return new PlateFolder(dir, cut > 0 ? name.substring(0, cut) : name);
  }

  @Override
  public String plate() {
    return barcode;
  }

  /** @return the Images folder */
  public Path images() {
    return dir.resolve("Images");
  }

  /**
   * The illumination file of a channel.
   *
   * @param channel the channel
   * @return {@code illum/<plate>_Illum<Channel>.npy}
   */
  public Path illuminationFile(Channel channel) {
    return dir.resolve("illum").resolve(barcode + "_Illum" + channel.cpName() + ".npy");
  }

  /**
   * The file of one channel of one site.
   *
   * @param site the site
   * @param channel the channel
   * @return the file: the Phenix name with {@code .tiff}, or with {@code .tif} when only that
   *     exists (the {@code .tiff} one, which may not exist, otherwise)
   */
  public Path file(Site site, Channel channel) {
    String name = PhenixFileName.of(site.well(), site.field(), channel).fileName();
    Path tiff = images().resolve(name);
    if (!Files.exists(tiff)) {
      Path tif = images().resolve(name.substring(0, name.length() - 1));
      if (Files.exists(tif)) {
        return tif;
      }
    }
    return tiff;
  }

  /** @return the cell line from plate.csv, else from the benchmark manifest, else empty */
  public Optional<CellLine> cellLine() {
    return info("cell_line").map(CellLine::parse).or(() -> benchmark().map(Plate::cellLine));
  }

  /** @return the split from plate.csv, else from the benchmark manifest, else empty */
  public Optional<Split> split() {
    return info("split").map(Split::parse).or(() -> benchmark().map(Plate::split));
  }

  private Optional<Plate> benchmark() {
    return Plates.benchmark().stream().filter(p -> p.barcode().equals(barcode)).findFirst();
  }

  private Optional<String> info(String column) {
    Path f = dir.resolve(PLATE_INFO);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    Csv csv = Csv.read(f);
    if (csv.rows().isEmpty() || !csv.header().contains(column)) {
      return Optional.empty();
    }
    return Optional.of(csv.rows().getFirst().get(csv.column(column)));
  }

  @Override
  public List<Site> sites() {
    Path ld = dir.resolve("load_data.csv");
    if (Files.exists(ld)) {
      return LoadData.read(ld).rows().stream().map(LoadData.Row::site)
          .map(s -> new Site(barcode, s.well(), s.field())).sorted().toList();
    }
    TreeSet<Site> sites = new TreeSet<>();
    for (PhenixFileName f : listImages()) {
      sites.add(new Site(barcode, f.well(), f.field()));
    }
    return List.copyOf(sites);
  }

  /**
   * Parses the names of all TIFFs in the Images folder; names that do not parse are skipped (the
   * validator reports them).
   *
   * @return the parsed names
   */
  public List<PhenixFileName> listImages() {
    List<PhenixFileName> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(images())) {
      for (Path p : s.sorted().toList()) {
        try {
          out.add(PhenixFileName.parse(p.getFileName().toString()));
        } catch (IllegalArgumentException e) {
          // not an image of this layout
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + images(), e);
    }
    return out;
  }

  @Override
  public FloatImage read(Site site, Channel channel) {
    Path f = file(site, channel);
    if (!Files.exists(f)) {
      throw new IllegalArgumentException("Missing image " + f + " (" + channel.cpName() + " of " + site.id() + ")");
    }
    return ImageReader.read(f).pixels();
  }

  @Override
  public Optional<FloatImage> illumination(Channel channel) {
    Path f = illuminationFile(channel);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    FloatImage probe = Npy.readImage(f);
    return Optional.of(Npy.readIllumination(f, probe.width(), probe.height()));
  }
}
