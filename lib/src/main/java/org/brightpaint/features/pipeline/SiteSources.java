package org.brightpaint.features.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the sites to profile, as {@link SiteSource}s with free-form image names (so that
 * pipelines with other image names than the CPJUMP1 channels, such as ExampleHuman's, work too).
 *
 * <p>{@link #fromLoadData} reads a CellProfiler LoadData CSV (as used by the CPJUMP1 pipelines,
 * and as {@link org.brightpaint.data.LoadData} writes for plate folders): one row per site with
 * {@code FileName_<Image>} and {@code PathName_<Image>} per channel ({@code Orig} prefixes such as
 * {@code FileName_OrigDNA} are accepted and dropped) and any {@code Metadata_*} columns. Relative
 * paths are resolved against the CSV's folder.
 */
public final class SiteSources {

  private SiteSources() {}

  /**
   * Parses a LoadData CSV.
   *
   * @param csv the file
   * @return one source per row, ImageNumber = row number (1-based)
   * @throws IOException naming the file and line on malformed content
   */
  public static List<SiteSource> fromLoadData(Path csv) throws IOException {
    List<SiteSource> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String headerLine = r.readLine();
      if (headerLine == null) {
        throw new IOException("Empty LoadData file: " + csv);
      }
      String[] header = split(headerLine);
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] v = split(line);
        if (v.length != header.length) {
          throw new IOException(csv + " line " + lineNo + ": " + v.length + " values for " + header.length + " columns");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, String> fileNames = new LinkedHashMap<>();
        Map<String, String> pathNames = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          String h = header[i];
          if (h.startsWith("Metadata_")) {
            meta.put(h.substring("Metadata_".length()), v[i]);
          } else if (h.startsWith("FileName_")) {
            fileNames.put(imageName(h.substring("FileName_".length())), v[i]);
          } else if (h.startsWith("PathName_")) {
            pathNames.put(imageName(h.substring("PathName_".length())), v[i]);
          }
        }
        if (fileNames.isEmpty()) {
          throw new IOException(csv + " has no FileName_* columns");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        Path base = csv.toAbsolutePath().getParent();
        for (Map.Entry<String, String> e : fileNames.entrySet()) {
          String dir = pathNames.get(e.getKey());
          Path p = dir == null || dir.isEmpty() ? base.resolve(e.getValue()) : base.resolve(dir).resolve(e.getValue());
          files.put(e.getKey(), p);
        }
        out.add(new SiteSource(out.size() + 1, meta, files));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("LoadData file lists no sites: " + csv);
    }
    return out;
  }

  /**
   * The sites of a plate folder (its {@code load_data.csv} when present, else its image listing),
   * with Metadata Plate, Well and Site.
   *
   * @param plate the plate folder
   * @return one source per site, in site order
   * @throws IOException when the plate cannot be listed
   */
  public static List<SiteSource> ofPlate(org.brightpaint.data.PlateFolder plate) throws IOException {
    Path csv = plate.dir().resolve("load_data.csv");
    if (java.nio.file.Files.exists(csv)) {
      return fromLoadData(csv);
    }
    List<SiteSource> out = new ArrayList<>();
    for (org.brightpaint.data.Site s : plate.sites()) {
      Map<String, Path> files = new LinkedHashMap<>();
      for (org.brightpaint.data.Channel c : org.brightpaint.data.Channel.values()) {
        files.put(c.cpName(), plate.file(s, c));
      }
      out.add(new SiteSource(out.size() + 1, Map.of("Plate", s.plate(), "Well", s.well().name(),
          "Site", Integer.toString(s.field())), files));
    }
    return out;
  }

  private static String imageName(String s) {
    return s.startsWith("Orig") && s.length() > 4 ? s.substring(4) : s;
  }

  private static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          q = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        q = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(new String[0]);
  }
}
