package org.brightpaint.data.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.config.RunSize;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.Plate;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Well;

/**
 * What to generate: which plates (with their cell lines), which wells, how many sites per well,
 * the image size, the mean number of cells per site, and the seed.
 *
 * @param plates the plates (barcode, cell line, split)
 * @param wells the wells of each plate (perturbations from the JUMP-Target-1 plate map)
 * @param sites fields per well, 1..9 in cpg0000
 * @param size image width and height in pixels (1080 in cpg0000)
 * @param cellsPerSite mean cells per site before line density and toxicity
 * @param seed the study seed; the same options give byte-identical plates
 */
public record SyntheticOptions(List<Plate> plates, List<Well> wells, int sites, int size, int cellsPerSite, long seed) {

  /** The default seed (the CPJUMP1 batch date). */
  public static final long DEFAULT_SEED = 20201104L;

  /** Validates. */
  public SyntheticOptions {
    if (plates == null || plates.isEmpty()) {
      throw new IllegalArgumentException("Synthetic options need at least one plate");
    }
    if (wells == null || wells.isEmpty()) {
      throw new IllegalArgumentException("Synthetic options need at least one well");
    }
    if (sites < 1 || sites > 99) {
      throw new IllegalArgumentException("Sites per well must be 1..99, got " + sites);
    }
    if (size < 32 || size > 4096) {
      throw new IllegalArgumentException("Image size must be 32..4096 px, got " + size);
    }
    if (cellsPerSite < 1) {
      throw new IllegalArgumentException("Cells per site must be >= 1, got " + cellsPerSite);
    }
    plates = List.copyOf(plates);
    wells = wells.stream().distinct().sorted().toList();
  }

  /**
   * The CI preset: the eight benchmark plates, 24 wells covering every MoA group, DMSO and other
   * compounds, 2 sites per well, 256 x 256 px, about 14 cells per site.
   *
   * @return the options
   */
  public static SyntheticOptions ci() {
    return new SyntheticOptions(Plates.benchmark(), wellsCovering(24), 2, 256, 14, DEFAULT_SEED);
  }

  /**
   * The full preset: the eight plates as in cpg0000, all 384 wells, 9 sites, 1080 x 1080 px,
   * about 240 cells per site.
   *
   * @return the options
   */
  public static SyntheticOptions full() {
    return new SyntheticOptions(Plates.benchmark(), Well.all(), 9, 1080, 240, DEFAULT_SEED);
  }

  /**
   * The preset of a run size.
   *
   * @param size the run size
   * @return {@link #ci()}, {@link #paperSize()} or {@link #full()}
   */
  public static SyntheticOptions of(RunSize size) {
    return switch (size) {
      case FULL -> full();
      case PAPER_SIZE -> paperSize();
      case CI -> ci();
    };
  }

  /**
   * The paper-size preset: the eight benchmark plates at cpg0000's 1080 x 1080 px, 8 wells
   * covering every MoA group, 1 site per well, about 60 cells per site.
   *
   * @return the options
   */
  public static SyntheticOptions paperSize() {
    return new SyntheticOptions(Plates.benchmark(), wellsCovering(8), 1, 1080, 60, DEFAULT_SEED);
  }

  /**
   * The first {@code n} wells taken in turn from each group (the six task groups, then
   * compounds outside the task), in well order, so that any n &gt;= 7 covers every group.
   *
   * @param n number of wells, 1..384
   * @return the wells, sorted
   */
  public static List<Well> wellsCovering(int n) {
    if (n < 1 || n > 384) {
      throw new IllegalArgumentException("Well count must be 1..384, got " + n);
    }
    PlateMap map = PlateMap.jumpTarget1();
    Map<MoaGroup, List<Well>> byGroup = new LinkedHashMap<>();
    for (MoaGroup g : MoaGroup.TASK) {
      byGroup.put(g, new ArrayList<>(map.wells(g)));
    }
    byGroup.put(MoaGroup.NONE, new ArrayList<>(map.wells(MoaGroup.NONE)));
    List<Well> out = new ArrayList<>();
    while (out.size() < n) {
      for (List<Well> ws : byGroup.values()) {
        if (!ws.isEmpty() && out.size() < n) {
          out.add(ws.removeFirst());
        }
      }
    }
    return out.stream().sorted().toList();
  }

  /**
   * @param plates other plates
   * @return a copy with these plates
   */
  public SyntheticOptions withPlates(List<Plate> plates) {
    return new SyntheticOptions(plates, wells, sites, size, cellsPerSite, seed);
  }

  /**
   * @param wells other wells
   * @return a copy with these wells
   */
  public SyntheticOptions withWells(List<Well> wells) {
    return new SyntheticOptions(plates, wells, sites, size, cellsPerSite, seed);
  }

  /**
   * @param sites other sites per well
   * @return a copy
   */
  public SyntheticOptions withSites(int sites) {
    return new SyntheticOptions(plates, wells, sites, size, cellsPerSite, seed);
  }

  /**
   * A copy at another image size, scaling cells per site with the area so that density stays.
   *
   * @param size other size in px
   * @return a copy
   */
  public SyntheticOptions withSize(int size) {
    int cells = Math.max(1, (int) Math.round(cellsPerSite * (double) size * size / ((double) this.size * this.size)));
    return new SyntheticOptions(plates, wells, sites, size, cells, seed);
  }

  /**
   * @param cellsPerSite other mean cells per site
   * @return a copy
   */
  public SyntheticOptions withCellsPerSite(int cellsPerSite) {
    return new SyntheticOptions(plates, wells, sites, size, cellsPerSite, seed);
  }

  /**
   * @param seed another seed
   * @return a copy
   */
  public SyntheticOptions withSeed(long seed) {
    return new SyntheticOptions(plates, wells, sites, size, cellsPerSite, seed);
  }

  /** @return the number of sites over all plates */
  public int siteCount() {
    return plates.size() * wells.size() * sites;
  }

  /** @return a one-line description, stored in the completion marker to detect changed options */
  public String describe() {
    return "plates=" + plates.stream().map(p -> p.barcode() + ":" + p.cellLine() + ":" + p.split().label()).toList()
        + " wells=" + wells + " sites=" + sites + " size=" + size + " cellsPerSite=" + cellsPerSite + " seed=" + seed
        + " generator=" + SyntheticPlates.GENERATOR_VERSION;
  }
}
