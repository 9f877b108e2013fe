package org.brightpaint.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.brightpaint.data.io.Csv;

/**
 * A CellProfiler {@code load_data.csv}: one row per site with {@code Metadata_Plate},
 * {@code Metadata_Well}, {@code Metadata_Site} and, per channel, {@code FileName_<Name>} and
 * {@code PathName_<Name>} (an {@code Orig} prefix is dropped, as in the CPJUMP1 CSVs'
 * {@code FileName_OrigDNA}; any CellProfiler image name is a channel, {@link Channel#named}), and
 * optionally {@code FileName_Illum<Name>} / {@code PathName_Illum<Name>}, the channel's
 * illumination function (the columns JUMP ships in its {@code load_data_with_illum.csv}). Other
 * {@code Metadata_} columns are kept. This is the format CellProfiler's LoadData module reads
 * (CellProfiler {@code modules/loaddata.py}: {@code FileName_}/{@code PathName_} prefixes, with
 * {@code PathName_} absolute or, here, relative to the CSV's folder).
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
   * @param illumFileNames illumination function file name per channel (may be empty)
   * @param illumPathNames illumination function folder per channel
   */
  public record Row(Site site, Map<Channel, String> fileNames, Map<Channel, String> pathNames,
      Map<String, String> metadata, Map<Channel, String> illumFileNames, Map<Channel, String> illumPathNames) {
    /** Copies. */
    public Row {
      fileNames = Map.copyOf(fileNames);
      pathNames = Map.copyOf(pathNames);
      metadata = Map.copyOf(metadata);
      illumFileNames = Map.copyOf(illumFileNames);
      illumPathNames = Map.copyOf(illumPathNames);
    }

    /**
     * A row without illumination functions.
     *
     * @param site plate, well, field
     * @param fileNames file name per channel
     * @param pathNames folder per channel
     * @param metadata other {@code Metadata_} columns
     */
    public Row(Site site, Map<Channel, String> fileNames, Map<Channel, String> pathNames, Map<String, String> metadata) {
      this(site, fileNames, pathNames, metadata, Map.of(), Map.of());
    }

    /**
     * The illumination function file of a channel, when the row names one.
     *
     * @param channel the channel
     * @param base the CSV's folder
     * @return the file, or empty
     */
    public java.util.Optional<Path> illuminationFile(Channel channel, Path base) {
      String f = illumFileNames.get(channel);
      if (f == null || f.isBlank()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(base.resolve(illumPathNames.getOrDefault(channel, "")).resolve(f).normalize());
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
        throw new IllegalArgumentException("load_data row " + site.id() + " has no FileName_" + channel.cpName()
            + " (nor FileName_Orig" + channel.cpName() + ")");
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
      Map<Channel, String> f = new TreeMap<>();
      Map<Channel, String> p = new TreeMap<>();
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
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException("No LoadData CSV at " + file + ": give the path of a CSV with FileName_<Channel>, "
          + "PathName_<Channel>, Metadata_Plate, Metadata_Well and Metadata_Site columns");
    }
    Csv csv = Csv.read(file);
    List<String> h = csv.header();
    Map<Channel, Integer> fileCol = new TreeMap<>();
    Map<Channel, Integer> pathCol = new TreeMap<>();
    Map<Channel, Integer> illumFileCol = new TreeMap<>();
    Map<Channel, Integer> illumPathCol = new TreeMap<>();
    for (int i = 0; i < h.size(); i++) {
      String name = h.get(i);
      boolean fileName = name.startsWith("FileName_");
      if (!fileName && !name.startsWith("PathName_")) {
        continue;
      }
      String image = name.substring(9);
      try {
        // FileName_Illum<X> is X's illumination function when the CSV also has an image X (JUMP's
        // load_data_with_illum.csv); otherwise "Illum..." is just an image's own name
        if (image.startsWith("Illum") && image.length() > 5 && isImage(h, image.substring(5))) {
          (fileName ? illumFileCol : illumPathCol).put(Channel.named(image.substring(5)), i);
        } else {
          (fileName ? fileCol : pathCol).put(Channel.named(image), i);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": column " + name + ": " + e.getMessage(), e);
      }
    }
    if (fileCol.isEmpty()) {
      throw new IllegalArgumentException(file + ": no FileName_<Channel> columns in " + h);
    }
    for (String col : List.of("Metadata_Plate", "Metadata_Well", "Metadata_Site")) {
      if (!h.contains(col)) {
        throw new IllegalArgumentException(file + " has no " + col + " column: add it (one value per row)");
      }
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
        Map<Channel, String> f = new TreeMap<>();
        Map<Channel, String> p = new TreeMap<>();
        Map<Channel, String> fi = new TreeMap<>();
        Map<Channel, String> pi = new TreeMap<>();
        for (Map.Entry<Channel, Integer> e : fileCol.entrySet()) {
          String value = v.get(e.getValue());
          if (value.isBlank()) {
            throw new IllegalArgumentException("empty " + h.get(e.getValue()));
          }
          f.put(e.getKey(), value);
        }
        pathCol.forEach((c, i) -> p.put(c, v.get(i)));
        illumFileCol.forEach((c, i) -> fi.put(c, v.get(i)));
        illumPathCol.forEach((c, i) -> pi.put(c, v.get(i)));
        rows.add(new Row(new Site(plate, well, site), f, p, meta, fi, pi));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (r + 2) + ": " + e.getMessage(), e);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " lists no sites: add one row per site");
    }
    return new LoadData(rows);
  }

  /**
   * The channels every row names a file for ({@code FileName_<Name>} columns).
   *
   * @return the channels, in channel order
   */
  public List<Channel> channels() {
    return rows.stream().flatMap(r -> r.fileNames().keySet().stream()).distinct().sorted().toList();
  }

  /**
   * Checks that the table names a file for each of the given channels and that every file exists.
   *
   * @param channels the channels needed (e.g. a generator's inputs and outputs)
   * @param file the CSV, for messages and to resolve relative path names
   * @throws IllegalArgumentException naming the CSV and the missing column, or the missing file and its line
   */
  public void requireFiles(List<Channel> channels, Path file) {
    List<Channel> have = channels();
    for (Channel c : channels) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException(file + " has no FileName_" + c.cpName() + " column (it has "
            + String.join(", ", have.stream().map(x -> "FileName_" + x.cpName()).toList())
            + "): add it, or name the channels it has with --inputs/--outputs");
      }
    }
    Path base = file.toAbsolutePath().getParent();
    for (int r = 0; r < rows.size(); r++) {
      for (Channel c : channels) {
        Path f = rows.get(r).file(c, base);
        if (!java.nio.file.Files.isRegularFile(f)) {
          throw new IllegalArgumentException(file + " line " + (r + 2) + ": FileName_" + c.cpName() + " names " + f
              + ", which does not exist");
        }
      }
    }
  }

  private static boolean isImage(List<String> header, String name) {
    Channel c = Channel.named(name);
    return header.stream().filter(x -> x.startsWith("FileName_") && !x.equals("FileName_Illum" + name))
        .anyMatch(x -> Channel.named(x.substring(9)).equals(c));
  }

  private static String required(Map<String, String> meta, String col) {
    String v = meta.get(col);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("missing " + col);
    }
    return v;
  }

  /** @return the table as CSV (Metadata_ columns, then FileName_/PathName_ per channel in channel order) */
  public Csv toCsv() {
    List<String> extra = rows.stream().flatMap(r -> r.metadata().keySet().stream()).distinct().sorted().toList();
    List<Channel> channels = channels();
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
