package org.brightpaint.features.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import org.brightpaint.data.Channel;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Well;
import org.brightpaint.data.synthetic.SyntheticPlates;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.FloatImage;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.HistogramTrace;

/**
 * The cell-profiling walk-through behind notebook 08: profile the DMSO wells and the wells of one
 * MoA group of the first synthetic plate with the {@code cpjump1-synthetic} preset ({@code cpjump1}
 * on real plates; all features, CSVs under
 * {@code Workspace.current().dir("profiles")}; the plate's own illumination functions are used
 * when its folder has them), keep one site's labels for an outline overlay, and compare feature
 * distributions between DMSO and the group.
 */
public final class CellProfiling {

  private CellProfiling() {}

  /**
   * What the walk-through produced.
   *
   * @param plate the plate profiled
   * @param group the compound group compared with DMSO
   * @param run the plate run (files, timing, per-well medians)
   * @param cells every profiled cell, with {@code Metadata_Group} ("DMSO" or the group's label)
   * @param example the first site's full profile (labels and features)
   * @param overlay the first site's DNA with nucleus and cell outlines
   * @param columnCounts feature columns per compartment
   */
  public record Result(PlateFolder plate, MoaGroup group, PlateProfiler.Result run, Table cells,
      SiteProfile example, BufferedImage overlay, Map<Compartment, Integer> columnCounts) {

    /**
     * Overlaid histograms of one cell feature, DMSO against the group.
     *
     * @param feature a column of {@link #cells()}, e.g. "Cells_AreaShape_Area"
     * @return a Plotly figure
     */
    public Figure distribution(String feature) {
      return CellProfiling.distribution(cells, feature, group.label());
    }
  }

  /**
   * Runs the walk-through on the synthetic plates of a run size.
   *
   * @param size CI (256 px sites) or FULL (1080 px sites)
   * @param wellsPerGroup how many DMSO wells and how many group wells to profile
   * @return the result
   */
  public static Result run(RunSize size, int wellsPerGroup) {
    return run(SyntheticPlates.ensure(size), Workspace.current().dir(size, "profiles"), wellsPerGroup);
  }

  /**
   * Runs the walk-through on the first plate of a plate set.
   *
   * @param plates the plates (real or synthetic, cpg0000 layout)
   * @param outRoot where the plate's CSV folder is created
   * @param wellsPerGroup how many DMSO wells and how many group wells to profile
   * @return the result
   */
  public static Result run(PlateSet plates, Path outRoot, int wellsPerGroup) {
    PlateFolder plate = plates.plates().get(0);
    PlateMap map = PlateMap.jumpTarget1();
    try {
      List<SiteSource> all = SiteSources.ofPlate(plate);
      MoaGroup group = null;
      for (MoaGroup g : MoaGroup.TASK) {
        if (g != MoaGroup.CONTROL && all.stream().anyMatch(s -> map.perturbation(Well.parse(s.metadata().get("Well"))).group() == g)) {
          group = g;
          break;
        }
      }
      if (group == null) {
        throw new IllegalStateException("Plate " + plate.barcode() + " has no well of a task MoA group");
      }
      List<String> dmso = new ArrayList<>();
      List<String> treated = new ArrayList<>();
      for (SiteSource s : all) {
        String w = s.metadata().get("Well");
        MoaGroup g = map.perturbation(Well.parse(w)).group();
        if (g == MoaGroup.CONTROL && !dmso.contains(w) && dmso.size() < wellsPerGroup) {
          dmso.add(w);
        } else if (g == group && !treated.contains(w) && treated.size() < wellsPerGroup) {
          treated.add(w);
        }
      }
      List<SiteSource> chosen = all.stream()
          .filter(s -> dmso.contains(s.metadata().get("Well")) || treated.contains(s.metadata().get("Well"))).toList();
      ProfileSettings settings = java.nio.file.Files.exists(plates.root().resolve(SyntheticPlates.MARKER))
          ? ProfileSettings.cpjump1Synthetic() : ProfileSettings.cpjump1();
      Map<String, FloatImage> illum = new LinkedHashMap<>();
      for (String name : settings.requiredImages()) {
        plate.illumination(Channel.ofName(name)).ifPresent(f -> illum.put(name, f));
      }
      Path out = outRoot.resolve(plate.barcode());
      PlateProfiler.Result r = PlateProfiler.run(chosen, settings,
          new PlateProfiler.Options(out, false, false, Runtime.getRuntime().availableProcessors(), null),
          illum.isEmpty() ? Map.of() : Map.of(plate.barcode(), illum));
      Table cells = Table.read().csv(out.resolve("Cells.csv").toFile());
      StringColumn grp = StringColumn.create("Metadata_Group");
      for (int i = 0; i < cells.rowCount(); i++) {
        String w = cells.column("Metadata_Well").getString(i);
        grp.append(dmso.contains(w) ? "DMSO" : group.label());
      }
      cells.addColumns(grp);
      SiteSource first = chosen.get(0);
      SiteImages site = first.load(settings);
      SiteProfile example = SiteProfiler.profile(site, settings, illum);
      BufferedImage overlay = OutlineOverlay.of(site.image("DNA"), example.labels().get(Compartment.NUCLEI),
          example.labels().get(Compartment.CELLS));
      Map<Compartment, Integer> counts = new LinkedHashMap<>();
      for (Compartment c : Compartment.values()) {
        FeatureSet f = example.features().get(c);
        counts.put(c, f.names().size());
      }
      return new Result(plate, group, r, cells, example, overlay, counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Overlaid, normalised histograms of one feature for DMSO and a group.
   *
   * @param cells cells with a {@code Metadata_Group} column
   * @param feature the feature column
   * @param groupLabel the non-DMSO group label
   * @return the figure
   */
  public static Figure distribution(Table cells, String feature, String groupLabel) {
    if (!cells.columnNames().contains(feature)) {
      throw new IllegalArgumentException("No feature column " + feature + " in the cell table");
    }
    List<HistogramTrace> traces = new ArrayList<>();
    for (String g : List.of("DMSO", groupLabel)) {
      Table sub = cells.where(cells.stringColumn("Metadata_Group").isEqualTo(g));
      double[] v = sub.numberColumn(feature).asDoubleArray();
      traces.add(HistogramTrace.builder(v).name(g).opacity(0.6)
          .histNorm(HistogramTrace.HistNorm.PROBABILITY).build());
    }
    Layout layout = Layout.builder().title(feature + ": DMSO vs " + groupLabel)
        .barMode(Layout.BarMode.OVERLAY).xAxis(Axis.builder().title(feature).build())
        .yAxis(Axis.builder().title("fraction of cells").build()).build();
    return new Figure(layout, traces.toArray(new HistogramTrace[0]));
  }
}
