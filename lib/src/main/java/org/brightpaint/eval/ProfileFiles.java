package org.brightpaint.eval;

import java.io.IOException;
import java.nio.file.Path;
import org.brightpaint.data.PlateMap;
import org.brightpaint.features.pipeline.ParquetProfiles;
import org.brightpaint.features.processing.Annotate;
import tech.tablesaw.api.Table;

/**
 * The evaluation's entry point for Parquet profiles ({@code SingleCells.parquet} of
 * {@code brightpaint profile --parquet}, or a CytoTable file with the same columns): reads the
 * cells, annotates them with the plate map ({@link Annotate}) and hands them to
 * {@link MoaPrediction} with {@link #MOA_LABEL} as the class, or to {@link FeatureCorrelation}.
 */
public final class ProfileFiles {

  /** The class column the annotation writes: the MoA group label ("Kinase", ..., "Control"). */
  public static final String MOA_LABEL = "Metadata_moa_group";

  private ProfileFiles() {}

  /**
   * Reads and annotates single cells.
   *
   * @param singleCells a Parquet file, one row per cell, with Metadata_Plate and Metadata_Well
   * @param map the plate map of its plates
   * @return the cells with the annotation columns of {@link Annotate#COLUMNS}
   * @throws IOException naming the file when it cannot be read
   */
  public static Table cells(Path singleCells, PlateMap map) throws IOException {
    return Annotate.platemap(ParquetProfiles.read(singleCells), map);
  }

  /**
   * Six-class and control-versus-treated MoA prediction from a Parquet file.
   *
   * @param source the name of the source in the result (e.g. "real")
   * @param singleCells the Parquet file
   * @param map the plate map
   * @return the cross-validated result ({@link MoaPrediction#crossValidate})
   * @throws IOException naming the file when it cannot be read
   */
  public static MoaResult moa(String source, Path singleCells, PlateMap map) throws IOException {
    return MoaPrediction.crossValidate(source, cells(singleCells, map), MoaPrediction.Options.of(MOA_LABEL));
  }
}
