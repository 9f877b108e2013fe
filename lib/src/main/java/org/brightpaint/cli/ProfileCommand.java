package org.brightpaint.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.brightpaint.data.io.Npy;
import org.brightpaint.features.pipeline.SiteSources;
import org.brightpaint.image.FloatImage;
import org.brightpaint.features.pipeline.ParquetProfiles;
import org.brightpaint.features.pipeline.PlateProfiler;
import org.brightpaint.features.pipeline.ProfileSettings;
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

  @Option(names = "--preset", defaultValue = "cpjump1", description = "cpjump1 (default), cpjump1-brightfield or examplehuman")
  String preset;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
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

  @Override
  public Integer call() throws Exception {
    ProfileSettings settings = ProfileSettings.preset(preset);
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
        }
      }
    }
    PlateProfiler.Result r = PlateProfiler.run(sites, settings,
        new PlateProfiler.Options(out, gzip, saveLabels, Math.max(1, threads), System.err), illum);
    System.out.printf("Profiled %d sites, %d nuclei in %.1f s (%.1f sites/min)%n", r.sites(), r.objects(), r.seconds(), r.sitesPerMinute());
    r.files().forEach(f -> System.out.println("  " + f));
    if (parquet) {
      ParquetProfiles.write(out, out).forEach(f -> System.out.println("  " + f));
    }
    return 0;
  }
}
