/**
 * Profile processing as the JUMP Cell Painting Consortium does it with pycytominer, with
 * pycytominer's step names and formulas: {@link org.brightpaint.features.processing.Aggregate}
 * (median per well), {@link org.brightpaint.features.processing.Annotate} (plate map, compound,
 * MoA group), {@link org.brightpaint.features.processing.Normalize} (per plate, {@code standardize}
 * or {@code mad_robustize} against control wells) and
 * {@link org.brightpaint.features.processing.FeatureSelect} ({@code variance_threshold},
 * {@code correlation_threshold}, {@code drop_na_columns}, {@code blocklist}). Tables are Tablesaw
 * tables whose metadata columns start with {@code Metadata_} and whose feature columns start with
 * a compartment ({@code Cells_}, {@code Cytoplasm_}, {@code Nuclei_}), as pycytominer's
 * {@code infer_cp_features} reads them.
 */
package org.brightpaint.features.processing;
