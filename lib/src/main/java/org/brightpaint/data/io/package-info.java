/**
 * Reading and writing the files of a plate: the one image reader ({@link
 * org.brightpaint.data.io.ImageReader}: TIFF and PNG, 8/16-bit and float, scaled by the file's own
 * bit depth), 16-bit Phenix TIFF output ({@link org.brightpaint.data.io.Tiff16}), NumPy illumination functions ({@link
 * org.brightpaint.data.io.Npy}), CSV tables ({@link org.brightpaint.data.io.Csv}), and the
 * {@link org.brightpaint.data.io.ImageSource} interface behind which other readers (Bio-Formats)
 * plug in. Every error names the file; every output is written to a temporary name and renamed.
 */
package org.brightpaint.data.io;
