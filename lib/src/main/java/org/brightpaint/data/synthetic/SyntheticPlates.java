package org.brightpaint.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.Plate;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.Npy;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;

/**
 * Writes synthetic plates in cpg0000 layout with ground truth:
 * <pre>
 * &lt;out&gt;/&lt;plate&gt;/Images/r&lt;RR&gt;c&lt;CC&gt;f&lt;FF&gt;p01-ch&lt;N&gt;sk1fk1fl1.tiff   16-bit counts, 8 channels
 * &lt;out&gt;/&lt;plate&gt;/illum/&lt;plate&gt;_Illum&lt;Channel&gt;.npy              float32 (H, W), estimated from the plate's images (Illumination)
 * &lt;out&gt;/&lt;plate&gt;/load_data.csv                                PathName_ relative to the plate folder
 * &lt;out&gt;/&lt;plate&gt;/plate.csv                                    barcode, cell_line, split, synthetic
 * &lt;out&gt;/&lt;plate&gt;/ground_truth/r..c..f..-nuclei.tiff, -cells.tiff   16-bit label images
 * &lt;out&gt;/&lt;plate&gt;/ground_truth/cells.csv                       one row per cell: phenotype parameters
 * &lt;out&gt;/SYNTHETIC_COMPLETE                                    written last: the options' description
 * </pre>
 * Sites are drawn in parallel; each site's random generator is seeded from (seed, plate, well,
 * field) and every writer is deterministic, so the same options give byte-identical files.
 */
public final class SyntheticPlates {

  /** Bumped whenever the generator's output changes, so that cached plates are regenerated. */
  public static final String GENERATOR_VERSION = "4";
  /** The completion marker, written last. */
  public static final String MARKER = "SYNTHETIC_COMPLETE";

  private SyntheticPlates() {}

  /**
   * The synthetic plates of a run size in the workspace ({@code <workspace>/<size>/plates}),
   * generated first if they are missing, incomplete or made with other options.
   *
   * @param size the run size (its preset: {@link SyntheticOptions#of(RunSize)})
   * @return the plates
   */
  public static PlateSet ensure(RunSize size) {
    return ensure(Workspace.current().dir(size, "plates"), SyntheticOptions.of(size));
  }

  /**
   * The synthetic plates of the current run size ({@link RunSize#current()}).
   *
   * @return the plates
   */
  public static PlateSet ensure() {
    return ensure(RunSize.current());
  }

  /**
   * Plates in a folder, generated first unless the folder's marker records the same options.
   * A file lock keeps two processes from generating into one folder at once.
   *
   * @param dir the folder
   * @param options what to generate
   * @return the plates
   */
  public static PlateSet ensure(Path dir, SyntheticOptions options) {
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        if (isComplete(dir, options)) {
          return open(dir, options);
        }
        return generate(dir, options);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare synthetic plates in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param dir a folder
   * @param options options
   * @return true when the folder's marker records exactly these options
   */
  public static boolean isComplete(Path dir, SyntheticOptions options) {
    Path m = dir.resolve(MARKER);
    try {
      return Files.exists(m) && Files.readString(m, StandardCharsets.UTF_8).trim().equals(options.describe());
    } catch (IOException e) {
      return false;
    }
  }

  private static PlateSet open(Path dir, SyntheticOptions options) {
    List<PlateFolder> plates = options.plates().stream().map(p -> PlateFolder.open(dir.resolve(p.barcode()))).toList();
    return new PlateSet(dir, plates);
  }

  /**
   * Generates plates (replacing any previous folder of the same plates) and writes the marker last.
   *
   * @param dir the output folder
   * @param options what to generate
   * @return the plates
   */
  public static PlateSet generate(Path dir, SyntheticOptions options) {
    try {
      Files.deleteIfExists(dir.resolve(MARKER));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reset " + dir.resolve(MARKER), e);
    }
    for (Plate p : options.plates()) {
      deleteTree(dir.resolve(p.barcode()));
      generatePlate(dir.resolve(p.barcode()), p, options);
    }
    AtomicFiles.writeString(dir.resolve(MARKER), options.describe() + "\n");
    return open(dir, options);
  }

  /**
   * Draws one site without writing it (for tests, notebooks and benchmarks).
   *
   * @param plate the plate
   * @param well the well
   * @param field the field, 1-based
   * @param options the options (size, cells per site, seed)
   * @return the drawn site
   */
  public static SiteRenderer.Rendered renderSite(Plate plate, Well well, int field, SyntheticOptions options) {
    return renderSite(plate, well, field, options, PlateCamera.of(plate.barcode(), options.size(), options.seed()));
  }

  private static SiteRenderer.Rendered renderSite(Plate plate, Well well, int field, SyntheticOptions o, PlateCamera cam) {
    CompoundResponse compound = CompoundResponse.of(PlateMap.jumpTarget1().perturbation(well), o.seed());
    long siteSeed = CompoundResponse.Seeds.mix(CompoundResponse.Seeds.mix(o.seed(),
        CompoundResponse.Seeds.hash(plate.barcode())), well.row() * 1000L + well.column() * 10L + field * 100000L);
    return SiteRenderer.render(new SiteRenderer.Spec(new Site(plate.barcode(), well, field), LineModel.of(plate.cellLine()),
        compound, o.cellsPerSite(), siteSeed, cam));
  }

  private static void generatePlate(Path dir, Plate plate, SyntheticOptions o) {
    PlateCamera cam = PlateCamera.of(plate.barcode(), o.size(), o.seed());
    int n = o.size();
    // The illumination functions are estimated from the plate's own images as CPJUMP1_illum.cppipe
    // does (Illumination.Accumulator), never copied from the renderer: no real plate has that oracle.
    Map<Channel, Illumination.Accumulator> illum = new TreeMap<>();
    for (Channel c : Channel.values()) illum.put(c, new Illumination.Accumulator(n, n));
    List<Site> sites = new ArrayList<>();
    for (Well w : o.wells()) {
      for (int f = 1; f <= o.sites(); f++) {
        sites.add(new Site(plate.barcode(), w, f));
      }
    }
    Path images = dir.resolve("Images");
    Path gt = dir.resolve("ground_truth");
    // Sites are drawn in parallel chunks; the cells table is appended chunk by chunk, in site order.
    AtomicFiles.write(gt.resolve(GroundTruth.CELLS), out -> {
      out.write((GroundTruth.header() + "\n").getBytes(StandardCharsets.UTF_8));
      final int chunk = 64;
      for (int start = 0; start < sites.size(); start += chunk) {
        int end = Math.min(sites.size(), start + chunk);
        String[] rows = new String[end - start];
        float[][][] small = new float[end - start][][];
        final int first = start;
        IntStream.range(start, end).parallel().forEach(i -> {
          Site s = sites.get(i);
          SiteRenderer.Rendered r = renderSite(plate, s.well(), s.field(), o, cam);
          small[i - first] = new float[Channel.values().length][];
          for (Channel c : Channel.values()) {
            Tiff16.write(images.resolve(PhenixFileName.of(s.well(), s.field(), c).fileName()), n, n, r.counts().get(c));
            small[i - first][c.ordinal()] = illum.get(c).downsample(new FloatImage(n, n, unsigned(r.counts().get(c))));
          }
          String stem = String.format("r%02dc%02df%02d", s.well().row(), s.well().column(), s.field());
          Tiff16.write(gt.resolve(stem + "-nuclei.tiff"), n, n, toShorts(r.nuclei().labels()));
          Tiff16.write(gt.resolve(stem + "-cells.tiff"), n, n, toShorts(r.cells().labels()));
          rows[i - first] = cellRows(plate, s, r);
        });
        for (String row : rows) {
          out.write(row.getBytes(StandardCharsets.UTF_8));
        }
        for (float[][] site : small) {
          for (Channel c : Channel.values()) illum.get(c).addDownsampled(site[c.ordinal()]);
        }
      }
    });
    for (Channel c : Channel.values()) {
      Npy.write(dir.resolve("illum").resolve(plate.barcode() + "_Illum" + c.cpName() + ".npy"), illum.get(c).result());
    }
    LoadData.forPhenix(sites, "Images").write(dir.resolve("load_data.csv"));
    AtomicFiles.writeString(dir.resolve(PlateFolder.PLATE_INFO), "barcode,cell_line,split,synthetic\n"
        + plate.barcode() + "," + plate.cellLine() + "," + plate.split().label() + ",true\n");
  }

  /** Removes a previous plate folder so that no file of other options survives. */
  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the previous plate folder " + p + ": " + e.getMessage(), e);
    }
  }

  private static float[] unsigned(short[] counts) {
    float[] out = new float[counts.length];
    for (int i = 0; i < counts.length; i++) out[i] = counts[i] & 0xffff;
    return out;
  }

  private static short[] toShorts(int[] labels) {
    short[] out = new short[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] > 65535) {
        throw new IllegalStateException("Label " + labels[i] + " does not fit a 16-bit label image");
      }
      out[i] = (short) labels[i];
    }
    return out;
  }

  private static String cellRows(Plate plate, Site s, SiteRenderer.Rendered r) {
    var p = PlateMap.jumpTarget1().perturbation(s.well());
    StringBuilder sb = new StringBuilder();
    for (SiteRenderer.CellRecord cell : r.cellRecords()) {
      sb.append(plate.barcode()).append(',').append(s.well().name()).append(',').append(s.field()).append(',')
          .append(cell.label()).append(',').append(plate.cellLine()).append(',').append(p.broadSample()).append(',')
          .append(csvField(p.pertIname())).append(',').append(p.group().label()).append(',')
          .append(fmt(cell.phenotype().response())).append(',')
          .append(fmt(cell.x())).append(',').append(fmt(cell.y())).append(',')
          .append(cell.nucleusArea()).append(',').append(cell.cellArea()).append(',')
          .append(cell.phenotype().nucleusCount()).append(',').append(cell.phenotype().nucleoliCount());
      for (Trait t : Trait.values()) {
        sb.append(',').append(fmt(cell.phenotype().get(t)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String csvField(String v) {
    return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.5g", v);
  }
}
