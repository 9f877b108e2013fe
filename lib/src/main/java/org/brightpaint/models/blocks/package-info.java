/**
 * Building blocks shared by the generators and discriminators, written for DJL's PyTorch engine
 * (no transposed convolution, no GroupNorm or InstanceNorm built in).
 *
 * <ul>
 *   <li>{@link org.brightpaint.models.blocks.LazyBlock}: a composite block initialised by running
 *       its forward pass once on zeros, so children's shapes never have to be derived by hand.
 *   <li>{@link org.brightpaint.models.blocks.InstanceNorm}, {@link org.brightpaint.models.blocks.GroupNorm}:
 *       normalisation from mean and variance.
 *   <li>{@link org.brightpaint.models.blocks.SpadeNorm}: spatially-adaptive normalisation (Park 2019).
 *   <li>{@link org.brightpaint.models.blocks.Layers}: convolutions, nearest resize, activations.
 * </ul>
 */
package org.brightpaint.models.blocks;
