/**
 * Downloading cpg0000 (CPJUMP1) plates from the Cell Painting Gallery with anonymous S3 reads, laid
 * out as {@link org.brightpaint.data.PlateFolder} reads them; parallel, resumable and verified
 * against each object's size and ETag.
 */
package org.brightpaint.data.download;
