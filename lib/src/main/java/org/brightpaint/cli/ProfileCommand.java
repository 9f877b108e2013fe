package org.brightpaint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brightpaint.data.io.AtomicFiles;
import org.brightpaint.data.io.Npy;
import org.brightpaint.features.pipeline.SiteSources;
import org.brightpaint.image.FloatImage;
import org.brightpaint.features.pipeline.ParquetProfiles;
import org.brightpaint.features.pipeline.PlateProfiler;
import org.brightpaint.features.pipeline.ProfileSettings;
import org.brightpaint.features.pipeline.SegmentationSettings;
import org.brightpaint.features.pipeline.SiteSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint profile}: CellProfiler-compatible single-cell profiling of images listed in a
 * LoadData CSV or given one by one, writing Image/Nuclei/Cells/Cytoplasm CSVs and per-well medians, with {@code --parquet} also
 * the CytoTable-layout Parquet files of {@link ParquetProfiles}.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 160,
    footer = {"", "Presets:", "${sys:brightpaint.presets}"},
    description = "Segment nuclei/cells/cytoplasm and measure CellProfiler features (Image.csv, Nuclei.csv, Cells.csv, Cytoplasm.csv, Wells.csv).")
public final class ProfileCommand implements Callable<Integer> {

  /** Where the images come from: exactly one of the two. */
  static final class Input {
    @Option(names = "--load-data", paramLabel = "CSV", description = "CellProfiler LoadData CSV (FileName_<Image>, PathName_<Image>, Metadata_*)")
    Path loadData;

    @Option(names = "--image", paramLabel = "NAME=PATH", description = "one image of a single site, e.g. --image DNA=dna.tif (repeat per channel)")
    Map<String, Path> images;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--preset", defaultValue = "cpjump1", paramLabel = "NAME",
      description = "pipeline preset (default cpjump1; the presets are listed below)")
  String preset;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "segmentation settings file of 'name = value' lines, applied after the preset (names as for --set)")
  Path settingsFile;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "change one segmentation setting after the preset and --settings (repeat), e.g. --set nuclei.maxima-suppression=8; names: ${sys:brightpaint.segmentation.names}")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (written whole: created, or replaced, only when profiling succeeds)")
  Path out;

  @Option(names = "--save-labels", description = "also save label images (16-bit PNG) under DIR/labels")
  boolean saveLabels;

  @Option(names = "--gzip", description = "write .csv.gz")
  boolean gzip;

  @Option(names = "--parquet",
      description = "also write SingleCells.parquet (one row per cell, Cells/Cytoplasm/Nuclei joined as CytoTable does) and Wells.parquet")
  boolean parquet;

  @Option(names = "--no-illumination", description = "skip the plate illumination correction of the cpjump1 preset")
  boolean noIllumination;

  @Option(names = "--illum-dir", paramLabel = "DIR",
      description = "folder of <Plate>_Illum<Channel>.npy plate illumination functions (default: DIR/../illum of the load-data CSV when present, else computed from the plate)")
  Path illumDir;

  @Option(names = "--threads", description = "sites processed at once (default: all cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  static {
    System.setProperty("brightpaint.segmentation.names", String.join(", ", SegmentationSettings.NAMES));
    StringBuilder presets = new StringBuilder();
    for (ProfileSettings.Preset p : ProfileSettings.Preset.values()) {
      presets.append(presets.isEmpty() ? "" : System.lineSeparator()).append(String.format("  %-20s %s", p.cliName(), p.description()));
    }
    System.setProperty("brightpaint.presets", presets.toString());
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> fromFile = Map.of();
    if (settingsFile != null) {
      try {
        fromFile = SegmentationSettings.readFile(settingsFile);
      } catch (IllegalArgumentException | java.io.IOException e) {
        // a file we cannot read is a user error (exit 1), a bad name or value is bad usage (exit 2)
        System.err.println(e instanceof java.io.IOException ? "Cannot read settings file " + settingsFile + ": " + e.getMessage() : e.getMessage());
        return 1;
      }
    }
    ProfileSettings settings;
    try {
      settings = SegmentationSettings.apply(SegmentationSettings.apply(ProfileSettings.preset(preset), fromFile), set);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    List<SiteSource> sites;
    if (input.loadData != null) {
      sites = SiteSources.fromLoadData(input.loadData);
    } else {
      sites = new ArrayList<>();
      sites.add(new SiteSource(1, Map.of(), new LinkedHashMap<>(input.images)));
      // a single site has no plate to average over
      settings = settings.withIllumination(ProfileSettings.IlluminationMode.NONE);
    }
    if (noIllumination) {
      settings = settings.withIllumination(ProfileSettings.IlluminationMode.NONE);
    }
    Map<String, Map<String, FloatImage>> illum = new LinkedHashMap<>();
    Path dir = illumDir;
    if (dir == null && input.loadData != null) {
      Path sibling = input.loadData.toAbsolutePath().getParent().resolve("illum");
      dir = Files.isDirectory(sibling) ? sibling : null;
    }
    if (dir != null && settings.illumination() == ProfileSettings.IlluminationMode.PLATE_REGULAR) {
      for (SiteSource s : sites) {
        String plate = s.metadata().getOrDefault("Plate", "");
        if (illum.containsKey(plate)) {
          continue;
        }
        Map<String, FloatImage> fs = new LinkedHashMap<>();
        for (String name : settings.requiredImages()) {
          Path f = dir.resolve(plate + "_Illum" + name + ".npy");
          if (Files.exists(f)) {
            FloatImage im = Npy.readImage(f);
            fs.put(name, im);
          }
        }
        if (fs.size() == settings.requiredImages().size()) {
          illum.put(plate, fs);
        } else {
          List<String> missing = new ArrayList<>();
          for (String name : settings.requiredImages()) if (!fs.containsKey(name)) missing.add(dir.resolve(plate + "_Illum" + name + ".npy").toString());
          if (illumDir != null) {
            throw new IllegalArgumentException("--illum-dir " + illumDir + " lacks " + String.join(", ", missing)
                + ": add the files, or leave out --illum-dir to compute the functions from the plate");
          }
          System.err.println("profile: " + dir + " lacks " + String.join(", ", missing) + "; plate '" + plate
              + "' illumination is computed from its images");
        }
      }
    }
    ProfileSettings chosen = settings;
    List<PlateProfiler.Result> result = new ArrayList<>();
    // all or nothing: a failed run leaves no (empty or partial) output folder
    List<Path> parquetFiles = new ArrayList<>();
    AtomicFiles.writeFolder(out, tmp -> {
      result.add(PlateProfiler.run(sites, chosen,
          new PlateProfiler.Options(tmp, gzip, saveLabels, Math.max(1, threads), System.err), illum));
      if (parquet) {
        // inside the temporary folder, so the Parquet files are part of the all-or-nothing output
        ParquetProfiles.write(tmp, tmp).forEach(f -> parquetFiles.add(tmp.relativize(f)));
      }
    });
    PlateProfiler.Result r = result.getFirst();
    Path tmpDir = r.files().isEmpty() ? out : r.files().getFirst().getParent();
    System.out.printf("Profiled %d sites, %d nuclei in %.1f s (%.1f sites/min)%n", r.sites(), r.objects(), r.seconds(), r.sitesPerMinute());
    r.files().forEach(f -> System.out.println("  " + out.resolve(tmpDir.relativize(f))));
    parquetFiles.forEach(f -> System.out.println("  " + out.resolve(f)));
    return 0;
  }
}
