package org.brightpaint.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.brightpaint.data.io.Csv;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.data.io.Npy;
import org.brightpaint.image.FloatImage;

/**
 * Checks what arrived in a plate folder (after a download, or a synthetic generation) and reports
 * every problem at once: missing channel files, extra files, unreadable or wrong-sized TIFFs,
 * bad illumination functions. The expected sites come from {@code load_data.csv} when present,
 * otherwise from the sites seen in {@code Images/}; when the folder has no load_data.csv and no
 * problem, one is built.
 */
public final class PlateValidator {

  private PlateValidator() {}

  /**
   * The findings for one plate.
   *
   * @param plate the plate folder
   * @param sites the number of expected sites
   * @param missing expected files that are absent
   * @param extra files in Images/ that are not expected
   * @param bad files that exist but are unreadable or wrong ("file: reason")
   * @param notes other findings that are not errors (e.g. load_data.csv written, no illum folder)
   */
  public record PlateReport(Path plate, int sites, List<String> missing, List<String> extra, List<String> bad,
      List<String> notes) {

    /** Copies. */
    public PlateReport {
      missing = List.copyOf(missing);
      extra = List.copyOf(extra);
      bad = List.copyOf(bad);
      notes = List.copyOf(notes);
    }

    /** @return true when nothing is missing, extra or bad */
    public boolean ok() {
      return missing.isEmpty() && extra.isEmpty() && bad.isEmpty();
    }
  }

  /**
   * The findings for a folder of plates.
   *
   * @param plates one report per plate folder
   */
  public record Report(List<PlateReport> plates) {

    /** Copies. */
    public Report {
      plates = List.copyOf(plates);
    }

    /** @return true when every plate is ok */
    public boolean ok() {
      return plates.stream().allMatch(PlateReport::ok);
    }

    /** @return a human-readable report listing every problem */
    public String format() {
      StringBuilder sb = new StringBuilder();
      for (PlateReport p : plates) {
        sb.append(p.plate()).append(": ").append(p.sites()).append(" sites, ")
            .append(p.ok() ? "OK" : p.missing().size() + " missing, " + p.extra().size() + " extra, " + p.bad().size() + " bad")
            .append('\n');
        p.missing().forEach(m -> sb.append("  missing ").append(m).append('\n'));
        p.extra().forEach(m -> sb.append("  extra   ").append(m).append('\n'));
        p.bad().forEach(m -> sb.append("  bad     ").append(m).append('\n'));
        p.notes().forEach(m -> sb.append("  note    ").append(m).append('\n'));
      }
      return sb.toString();
    }
  }

  /**
   * Validates every plate folder under a folder (or the folder itself when it is a plate).
   *
   * @param dir the folder
   * @param expectedSize required image width and height, or 0 to require only that all images of
   *     a plate share one size
   * @return the report
   */
  public static Report validate(Path dir, int expectedSize) {
    PlateSet set = PlateSet.open(dir);
    return new Report(set.plates().stream().map(p -> validate(p, expectedSize)).toList());
  }

  /**
   * Validates the plates a LoadData CSV describes (any file names, TIFF or PNG): every file it
   * names for every site must exist and read as one 8/16-bit or float channel, and all images of
   * a plate must share one size ({@code expectedSize} when &gt; 0). Nothing is "extra": the CSV,
   * not a naming rule, says which files belong to the plate.
   *
   * @param csv the LoadData CSV
   * @param expectedSize required width and height, or 0
   * @return one report per {@code Metadata_Plate}
   * @throws IllegalArgumentException naming the CSV when it is malformed (no FileName_ or Metadata_ column)
   */
  public static Report validateLoadData(Path csv, int expectedSize) {
    List<PlateReport> out = new ArrayList<>();
    for (PlateFolder plate : PlateSet.fromLoadData(csv, List.of()).plates()) {
      List<String> missing = new ArrayList<>();
      List<String> bad = new ArrayList<>();
      int[] size = {expectedSize, expectedSize};
      for (LoadData.Row r : plate.loadData().rows()) {
        for (Channel c : r.fileNames().keySet()) {
          Path f = r.file(c, plate.dir());
          if (!Files.isRegularFile(f)) {
            missing.add(f + " (FileName_" + c.cpName() + " of " + r.site().id() + ")");
            continue;
          }
          try {
            FloatImage img = ImageReader.read(f).pixels();
            if (size[0] <= 0) {
              size[0] = img.width();
              size[1] = img.height();
            } else if (img.width() != size[0] || img.height() != size[1]) {
              bad.add(f + ": " + img.width() + " x " + img.height() + ", expected " + size[0] + " x " + size[1]);
            }
          } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            bad.add(f + ": " + e.getMessage());
          }
        }
      }
      out.add(new PlateReport(csv.resolveSibling(plate.barcode()), plate.sites().size(), missing, List.of(), bad,
          List.of("channels " + String.join(", ", plate.loadData().channels().stream().map(Channel::cpName).toList())
              + " from " + csv)));
    }
    return new Report(out);
  }

  /**
   * Validates one plate folder.
   *
   * @param plate the plate
   * @param expectedSize required size, or 0
   * @return its report
   */
  public static PlateReport validate(PlateFolder plate, int expectedSize) {
    List<String> missing = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    List<String> bad = Collections.synchronizedList(new ArrayList<>());
    List<String> notes = new ArrayList<>();
    Path loadData = plate.dir().resolve("load_data.csv");
    boolean hasLoadData = Files.exists(loadData);
    Set<Site> expected = new TreeSet<>();
    if (hasLoadData) {
      try {
        for (LoadData.Row r : LoadData.read(loadData).rows()) {
          expected.add(new Site(plate.barcode(), r.site().well(), r.site().field()));
        }
      } catch (IllegalArgumentException | UncheckedIOException e) {
        bad.add(loadData + ": " + e.getMessage());
      }
    }
    Set<String> present = new HashSet<>();
    Set<Site> seen = new TreeSet<>();
    try (Stream<Path> s = Files.list(plate.images())) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        present.add(name);
        try {
          PhenixFileName f = PhenixFileName.parse(name);
          seen.add(new Site(plate.barcode(), f.well(), f.field()));
          if (f.plane() != 1) {
            extra.add(p + " (plane " + f.plane() + ", expected p01)");
          }
        } catch (IllegalArgumentException e) {
          extra.add(p + " (not a Phenix image name)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + plate.images(), e);
    }
    if (!hasLoadData) {
      expected.addAll(seen);
    } else {
      for (Site s : seen) {
        if (!expected.contains(s)) {
          for (Channel c : Channel.values()) {
            if (present.contains(plate.file(s, c).getFileName().toString())) {
              extra.add(plate.file(s, c) + " (site not in load_data.csv)");
            }
          }
        }
      }
    }
    boolean anyStain = false;
    for (Site s : seen) {
      for (Channel c : Channel.FLUORESCENT) {
        anyStain |= present.contains(plate.file(s, c).getFileName().toString());
      }
    }
    List<Channel> channels = anyStain || seen.isEmpty() ? List.of(Channel.values()) : Channel.BRIGHTFIELD_INPUTS;
    if (!anyStain && !seen.isEmpty()) {
      notes.add("brightfield only (no stains): valid as prediction input, not for training or quality");
    }
    validateInfo(plate, bad);
    List<Path> toRead = new ArrayList<>();
    for (Site s : expected) {
      for (Channel c : channels) {
        Path f = plate.file(s, c);
        if (present.contains(f.getFileName().toString())) {
          toRead.add(f);
        } else {
          missing.add(f + " (" + c.cpName() + " of " + s.id() + ")");
        }
      }
    }
    int[] size = {expectedSize, expectedSize};
    if (expectedSize <= 0 && !toRead.isEmpty()) {
      try {
        FloatImage first = ImageReader.read(toRead.getFirst()).pixels();
        size[0] = first.width();
        size[1] = first.height();
      } catch (RuntimeException e) {
        // reported below
      }
    }
    toRead.parallelStream().forEach(f -> {
      try {
        if (size[0] > 0) {
          ImageReader.read(f, size[0], size[1]);
        } else {
          ImageReader.read(f);
        }
      } catch (RuntimeException e) {
        bad.add(f + ": " + e.getMessage());
      }
    });
    Path illumDir = plate.dir().resolve("illum");
    if (Files.isDirectory(illumDir)) {
      for (Channel c : channels) {
        Path f = plate.illuminationFile(c);
        if (!Files.exists(f)) {
          missing.add(f + " (illumination function of " + c.cpName() + ")");
        } else if (size[0] > 0) {
          try {
            Npy.readIllumination(f, size[0], size[1]);
          } catch (RuntimeException e) {
            bad.add(f + ": " + e.getMessage());
          }
        }
      }
    } else {
      notes.add("no illum/ folder: images will not be illumination-corrected");
    }
    if (expected.isEmpty()) {
      missing.add(plate.images() + " (no images: put the plate's Phenix-named TIFF files in Images/)");
    }
    List<String> badSorted = new ArrayList<>(bad);
    Collections.sort(badSorted);
    if (!hasLoadData && missing.isEmpty() && badSorted.isEmpty() && !expected.isEmpty()) {
      LoadData.forPhenix(plate, List.copyOf(expected), "Images", channels).write(loadData);
      notes.add("wrote " + loadData + " (" + expected.size() + " sites)");
    }
    return new PlateReport(plate.dir(), expected.size(), missing, extra, badSorted, notes);
  }

  /**
   * Checks {@code plate.csv} when the plate has one: every row's {@code cell_line} and
   * {@code split} must be known values.
   *
   * @param plate the plate
   * @param bad receives one line per bad value, naming the file and value
   */
  private static void validateInfo(PlateFolder plate, List<String> bad) {
    Path f = plate.dir().resolve(PlateFolder.PLATE_INFO);
    if (!Files.exists(f)) {
      return;
    }
    try {
      Csv csv = Csv.read(f);
      for (int r = 0; r < csv.rows().size(); r++) {
        List<String> row = csv.rows().get(r);
        try {
          if (csv.header().contains("cell_line")) {
            CellLine.parse(row.get(csv.column("cell_line")));
          }
          if (csv.header().contains("split")) {
            Split.parse(row.get(csv.column("split")));
          }
        } catch (IllegalArgumentException e) {
          bad.add(f + " line " + (r + 2) + ": " + e.getMessage());
        }
      }
    } catch (IllegalArgumentException | UncheckedIOException e) {
      bad.add(f + ": " + e.getMessage());
    }
  }
}
