package org.brightpaint.features.processing;

import org.brightpaint.data.PlateMap;
import tech.tablesaw.api.Table;

/**
 * The JUMP profile recipe in pycytominer's order: single cells -> {@link Aggregate#median}
 * per well -> {@link Annotate#platemap} -> {@link Normalize#apply} (per plate) ->
 * {@link FeatureSelect#apply}. Every step is also usable alone.
 */
public final class ProfileProcessing {

  /**
   * Options of the chain.
   *
   * @param normalize how and against which wells to normalise
   * @param select which features to drop
   */
  public record Options(Normalize.Options normalize, FeatureSelect.Options select) {
    /** Validates. */
    public Options {
      if (normalize == null || select == null) {
        throw new IllegalArgumentException("Normalisation and feature-selection options are required");
      }
    }

    /**
     * The JUMP recipe: mad_robustize per plate against DMSO, pycytominer's default feature selection.
     *
     * @return options
     */
    public static Options jump() {
      return new Options(Normalize.Options.perPlateAgainstDmso(Normalize.Method.MAD_ROBUSTIZE), FeatureSelect.Options.defaults());
    }
  }

  private ProfileProcessing() {}

  /**
   * Runs the chain.
   *
   * @param singleCells one row per cell with Metadata_Plate, Metadata_Well and feature columns
   *     (e.g. {@code SingleCells.parquet} read by
   *     {@link org.brightpaint.features.pipeline.ParquetProfiles#read})
   * @param map the plate map of every plate
   * @param options normalisation and selection
   * @return one row per well: metadata, annotations, the selected normalised features
   */
  public static Table run(Table singleCells, PlateMap map, Options options) {
    Table wells = Aggregate.median(singleCells);
    Table annotated = Annotate.platemap(wells, map);
    Table normalised = Normalize.apply(annotated, options.normalize());
    return FeatureSelect.apply(normalised, options.select());
  }
}
