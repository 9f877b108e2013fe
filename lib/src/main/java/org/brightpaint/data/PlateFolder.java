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
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.io.ImageSource;
import org.brightpaint.data.io.Npy;
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
 * <p>Two other layouts: a Phenix folder whose channel numbers differ from CPJUMP1's (a
 * {@link ChannelMap}, {@link #withChannelMap}), and any files at all described by a CellProfiler
 * LoadData CSV ({@link PlateSet#fromLoadData}): then each channel's file, and its illumination
 * function when the CSV has {@code FileName_Illum<Name>}, are the CSV's, and the sites are its rows.
 *
 * @param dir the plate folder (for a LoadData plate: the CSV's folder, against which its relative
 *     {@code PathName_} values resolve)
 * @param barcode the plate barcode
 * @param channels which channel each Phenix {@code ch<N>} holds (unused for a LoadData plate)
 * @param loadData the rows of this plate when a LoadData CSV describes its files, else null
 *     (Phenix names in {@code Images/})
 */
public record PlateFolder(Path dir, String barcode, ChannelMap channels, LoadData loadData) implements ImageSource {

  /**
   * A Phenix plate folder numbered as CPJUMP1.
   *
   * @param dir the plate folder
   * @param barcode the plate barcode
   */
  public PlateFolder(Path dir, String barcode) {
    this(dir, barcode, ChannelMap.cpjump1(), null);
  }

  /**
   * The same plate with another channel numbering.
   *
   * @param map which channel each {@code ch<N>} holds
   * @return the plate
   */
  public PlateFolder withChannelMap(ChannelMap map) {
    return new PlateFolder(dir, barcode, map, loadData);
  }

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
   * @return the LoadData CSV's {@code FileName_Illum<Channel>} of the plate's first row when it has
   *     one, else {@code illum/<plate>_Illum<Channel>.npy}
   */
  public Path illuminationFile(Channel channel) {
    if (loadData != null) {
      Optional<Path> f = loadData.rows().getFirst().illuminationFile(channel, dir);
      if (f.isPresent()) {
        return f.get();
      }
    }
    return dir.resolve("illum").resolve(barcode + "_Illum" + channel.cpName() + ".npy");
  }

  /**
   * The file of one channel of one site.
   *
   * @param site the site
   * @param channel the channel
   * @return the file: the LoadData CSV's for a LoadData plate; else the Phenix name (with the
   *     channel's number in {@link #channels()}) with {@code .tiff}, or with {@code .tif} when only
   *     that exists (the {@code .tiff} one, which may not exist, otherwise)
   * @throws IllegalArgumentException naming the channel when the plate does not have it
   */
  public Path file(Site site, Channel channel) {
    if (loadData != null) {
      for (LoadData.Row r : loadData.rows()) {
        if (r.site().well().equals(site.well()) && r.site().field() == site.field()) {
          return r.file(channel, dir);
        }
      }
      throw new IllegalArgumentException("Site " + site.id() + " is not in the LoadData rows of plate " + barcode);
    }
    String name = String.format(java.util.Locale.ROOT, "r%02dc%02df%02dp01-ch%dsk1fk1fl1.tiff", site.well().row(),
        site.well().column(), site.field(), channels.number(channel));
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
    if (loadData != null) {
      // a LoadData plate's split and cell line are Metadata_ columns of its rows, when given
      String v = loadData.rows().getFirst().metadata().get("Metadata_" + (column.equals("cell_line") ? "CellLine" : "Split"));
      return Optional.ofNullable(v).filter(x -> !x.isBlank());
    }
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
    if (loadData != null) {
      return loadData.rows().stream().map(LoadData.Row::site).distinct().sorted().toList();
    }
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
    if (loadData != null && !Files.exists(f)) {
      throw new IllegalArgumentException("Missing image " + f + " (FileName_" + channel.cpName() + " of " + site.id()
          + " in the LoadData CSV): fix the CSV's FileName_/PathName_ values or add the file");
    }
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
    if (!f.getFileName().toString().endsWith(".npy")) {
      // an illumination function saved as an image (CellProfiler's SaveImages of IllumFunction) holds its values as stored
      return Optional.of(ImageReader.read(f).pixels());
    }
    FloatImage probe = Npy.readImage(f);
    return Optional.of(Npy.readIllumination(f, probe.width(), probe.height()));
  }
}
