/**
 * Evaluation of predicted fluorescence: pixel metrics ({@link org.brightpaint.eval.Mse},
 * {@link org.brightpaint.eval.Psnr}, {@link org.brightpaint.eval.Ssim},
 * {@link org.brightpaint.eval.Pearson}), paired statistics
 * ({@link org.brightpaint.eval.Wilcoxon}, {@link org.brightpaint.eval.Holm}), feature
 * correlation by CellProfiler feature family, MoA prediction with an SVM, embeddings and
 * distribution distances, cross-cell-line generalisability, artifact measures and the cost table.
 *
 * <p>Every class is a pure function over arrays or tables: no I/O except in the classes whose
 * name says so ({@link org.brightpaint.eval.QualityFolders}).
 */
package org.brightpaint.eval;
