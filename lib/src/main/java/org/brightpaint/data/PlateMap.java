package org.brightpaint.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.brightpaint.data.io.Csv;

/**
 * What each of the 384 wells of a plate holds: the JUMP-Target-1 compound plate map joined with
 * the compound annotations and the six MoA groups ({@code data-manifests/platemap.csv}).
 *
 * @param name the plate map's name, e.g. "JUMP-Target-1_compound_platemap"
 * @param wells the perturbation of every well
 */
public record PlateMap(String name, Map<Well, Perturbation> wells) {

  /** The plate map of the benchmark's eight plates. */
  public static final String JUMP_TARGET_1 = "JUMP-Target-1_compound_platemap";

  /** Copies into well order. */
  public PlateMap {
    wells = Collections.unmodifiableMap(new TreeMap<>(wells));
  }

  /**
   * The JUMP-Target-1 compound plate map, from the manifest embedded in the library.
   *
   * @return the plate map, 384 wells
   */
  public static PlateMap jumpTarget1() {
    return Holder.JUMP;
  }

  private static final class Holder {
    static final PlateMap JUMP = fromCsv(JUMP_TARGET_1, DataManifests.embedded(DataManifests.PLATEMAP));
  }

  /**
   * Builds a plate map from a {@code platemap.csv} table (columns well, broad_sample, pert_iname,
   * moa_list, moa_group).
   *
   * @param name the plate map's name
   * @param csv the table
   * @return the plate map
   * @throws IllegalArgumentException naming the line and value on bad content
   */
  public static PlateMap fromCsv(String name, Csv csv) {
    int w = csv.column("well");
    int b = csv.column("broad_sample");
    int p = csv.column("pert_iname");
    int m = csv.column("moa_list");
    int g = csv.column("moa_group");
    Map<Well, Perturbation> out = new TreeMap<>();
    for (int i = 0; i < csv.rows().size(); i++) {
      List<String> r = csv.rows().get(i);
      try {
        Well well = Well.parse(r.get(w));
        List<String> terms = r.get(m).isEmpty() ? List.of() : Arrays.asList(r.get(m).split("\\|"));
        Perturbation pert = new Perturbation(r.get(b), r.get(p), terms, MoaGroup.parse(r.get(g)));
        if (out.put(well, pert) != null) {
          throw new IllegalArgumentException("well " + well + " listed twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " line " + (i + 2) + ": " + e.getMessage(), e);
      }
    }
    return new PlateMap(name, out);
  }

  /** @return the plate map as the {@code platemap.csv} table */
  public Csv toCsv() {
    List<List<String>> rows = new ArrayList<>();
    wells.forEach((well, p) -> rows.add(List.of(well.name(), p.broadSample(), p.pertIname(), p.moaList(), p.group().label())));
    return new Csv(List.of("well", "broad_sample", "pert_iname", "moa_list", "moa_group"), rows);
  }

  /**
   * The perturbation of a well.
   *
   * @param well the well
   * @return its perturbation
   * @throws IllegalArgumentException naming the well when the plate map does not list it
   */
  public Perturbation perturbation(Well well) {
    Perturbation p = wells.get(well);
    if (p == null) {
      throw new IllegalArgumentException("Well " + well + " is not on plate map " + name);
    }
    return p;
  }

  /**
   * The wells of one MoA group, in well order.
   *
   * @param group the group
   * @return its wells
   */
  public List<Well> wells(MoaGroup group) {
    return wells.entrySet().stream().filter(e -> e.getValue().group() == group).map(Map.Entry::getKey).toList();
  }

  /**
   * The distinct compounds (broad_sample) of one group; DMSO has none.
   *
   * @param group the group
   * @return the compounds' broad_sample ids, sorted
   */
  public List<String> compounds(MoaGroup group) {
    return wells.values().stream().filter(p -> p.group() == group && !p.broadSample().isEmpty())
        .map(Perturbation::broadSample).distinct().sorted().toList();
  }

  static Csv readResource(String resource) {
    try (InputStream in = PlateMap.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing library resource " + resource);
      }
      return Csv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), ',');
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource " + resource, e);
    }
  }
}
