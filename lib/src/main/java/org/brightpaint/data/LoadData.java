package org.brightpaint.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.io.Csv;

/**
 * A CellProfiler {@code load_data.csv}: one row per site with {@code Metadata_Plate},
 * {@code Metadata_Well}, {@code Metadata_Site} and, per channel, {@code FileName_Orig<Name>} and
 * {@code PathName_Orig<Name>} (names as {@link Channel#cpName()}). Other {@code Metadata_} columns
 * are kept.
 *
 * @param rows the sites
 */
public record LoadData(List<Row> rows) {

  /**
   * One site.
   *
   * @param site plate, well, field
   * @param fileNames file name per channel
   * @param pathNames folder per channel (absolute, or relative to the CSV's folder)
   * @param metadata other {@code Metadata_} columns, by full column name
   */
  public record Row(Site site, Map<Channel, String> fileNames, Map<Channel, String> pathNames,
      Map<String, String> metadata) {
    /** Copies. */
    public Row {
      fileNames = Map.copyOf(fileNames);
      pathNames = Map.copyOf(pathNames);
      metadata = Map.copyOf(metadata);
    }

    /**
     * The file of a channel.
     *
     * @param channel the channel
     * @param base the CSV's folder, against which relative path names resolve
     * @return the file
     * @throws IllegalArgumentException when the row has no such channel
     */
    public Path file(Channel channel, Path base) {
      String f = fileNames.get(channel);
      if (f == null) {
        throw new IllegalArgumentException("load_data row " + site.id() + " has no FileName_Orig" + channel.cpName());
      }
      String p = pathNames.getOrDefault(channel, "");
      return base.resolve(p).resolve(f).normalize();
    }
  }

  /** Copies. */
  public LoadData {
    rows = List.copyOf(rows);
  }

  /**
   * The load_data of Phenix images in one folder, for the given sites and all eight channels.
   *
   * @param sites the sites
   * @param pathName the PathName_ value (e.g. "Images", relative to the CSV)
   * @return the table
   */
  public static LoadData forPhenix(List<Site> sites, String pathName) {
    return forPhenix(sites, pathName, List.of(Channel.values()),
        (s, c) -> PhenixFileName.of(s.well(), s.field(), c).fileName());
  }

  /**
   * The load_data of Phenix images of a plate folder, with the file names found there
   * ({@code .tif} or {@code .tiff}, see {@link PlateFolder#file}).
   *
   * @param plate the plate
   * @param sites the sites
   * @param pathName the PathName_ value
   * @return the table
   */
  public static LoadData forPhenix(PlateFolder plate, List<Site> sites, String pathName) {
    return forPhenix(plate, sites, pathName, List.of(Channel.values()));
  }

  /**
   * The load_data of Phenix images of a plate folder for some channels (e.g. the three
   * brightfield planes of a prediction input), with the file names found there.
   *
   * @param plate the plate
   * @param sites the sites
   * @param pathName the PathName_ value
   * @param channels the channels
   * @return the table
   */
  public static LoadData forPhenix(PlateFolder plate, List<Site> sites, String pathName, List<Channel> channels) {
    return forPhenix(sites, pathName, channels, (s, c) -> plate.file(s, c).getFileName().toString());
  }

  private static LoadData forPhenix(List<Site> sites, String pathName, List<Channel> channels,
      java.util.function.BiFunction<Site, Channel, String> name) {
    List<Row> rows = new ArrayList<>();
    for (Site s : sites) {
      Map<Channel, String> f = new EnumMap<>(Channel.class);
      Map<Channel, String> p = new EnumMap<>(Channel.class);
      for (Channel c : channels) {
        f.put(c, name.apply(s, c));
        p.put(c, pathName);
      }
      rows.add(new Row(s, f, p, Map.of()));
    }
    return new LoadData(rows);
  }

  /**
   * Reads a load_data CSV.
   *
   * @param file the CSV
   * @return the table
   * @throws IllegalArgumentException naming the file, line and value on bad content
   */
  public static LoadData read(Path file) {
    Csv csv = Csv.read(file);
    List<String> h = csv.header();
    Map<Channel, Integer> fileCol = new EnumMap<>(Channel.class);
    Map<Channel, Integer> pathCol = new EnumMap<>(Channel.class);
    for (int i = 0; i < h.size(); i++) {
      String name = h.get(i);
      try {
        if (name.startsWith("FileName_")) {
          fileCol.put(Channel.ofName(name.substring(9)), i);
        } else if (name.startsWith("PathName_")) {
          pathCol.put(Channel.ofName(name.substring(9)), i);
        }
      } catch (IllegalArgumentException e) {
        // FileName_ columns of non-image objects (e.g. illumination) are not channels; keep going
      }
    }
    if (fileCol.isEmpty()) {
      throw new IllegalArgumentException(file + ": no FileName_Orig<Channel> columns in " + h);
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < csv.rows().size(); r++) {
      List<String> v = csv.rows().get(r);
      try {
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < h.size(); i++) {
          if (h.get(i).startsWith("Metadata_")) {
            meta.put(h.get(i), v.get(i));
          }
        }
        String plate = required(meta, "Metadata_Plate");
        Well well = Well.parse(required(meta, "Metadata_Well"));
        int site = Integer.parseInt(required(meta, "Metadata_Site").trim());
        meta.remove("Metadata_Plate");
        meta.remove("Metadata_Well");
        meta.remove("Metadata_Site");
        Map<Channel, String> f = new EnumMap<>(Channel.class);
        Map<Channel, String> p = new EnumMap<>(Channel.class);
        fileCol.forEach((c, i) -> f.put(c, v.get(i)));
        pathCol.forEach((c, i) -> p.put(c, v.get(i)));
        rows.add(new Row(new Site(plate, well, site), f, p, meta));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (r + 2) + ": " + e.getMessage(), e);
      }
    }
    return new LoadData(rows);
  }

  private static String required(Map<String, String> meta, String col) {
    String v = meta.get(col);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing " + col);
    }
    return v;
  }

  /** @return the table as CSV (Metadata_ columns, then FileName_/PathName_ per channel in enum order) */
  public Csv toCsv() {
    List<String> extra = rows.stream().flatMap(r -> r.metadata().keySet().stream()).distinct().sorted().toList();
    List<Channel> channels = java.util.Arrays.stream(Channel.values())
        .filter(c -> rows.stream().anyMatch(r -> r.fileNames().containsKey(c))).toList();
    List<String> header = new ArrayList<>(List.of("Metadata_Plate", "Metadata_Well", "Metadata_Site"));
    header.addAll(extra);
    for (Channel c : channels) {
      header.add("FileName_Orig" + c.cpName());
      header.add("PathName_Orig" + c.cpName());
    }
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> v = new ArrayList<>(List.of(r.site().plate(), r.site().well().name(), Integer.toString(r.site().field())));
      for (String e : extra) {
        v.add(r.metadata().getOrDefault(e, ""));
      }
      for (Channel c : channels) {
        v.add(r.fileNames().getOrDefault(c, ""));
        v.add(r.pathNames().getOrDefault(c, ""));
      }
      out.add(v);
    }
    return new Csv(header, out);
  }

  /**
   * Writes the table atomically.
   *
   * @param file the target CSV
   */
  public void write(Path file) {
    toCsv().write(file);
  }
}
