/**
 * The generators: networks that predict the five Cell Painting channels from three brightfield
 * planes, and the one contract they share.
 *
 * <h2>The contract</h2>
 * <ul>
 *   <li>{@link org.brightpaint.models.Generator}: brightfield {@code [B, 3, H, W]} in,
 *       fluorescence {@code [B, C, H, W]} out ({@code C} = 5 in the paper's order Mito, AGP, RNA,
 *       ER, DNA, or 1 in per-channel mode), both in normalised units {@code [-1, 1]}; whole
 *       images of any size by blended tiles ({@link org.brightpaint.models.TiledPrediction});
 *       save/load of weights + options + normalisation.
 *   <li>{@link org.brightpaint.models.GeneratorOptions}: the typed recipe (kind, preset, size,
 *       width, depth, channels) with "ci" and "paper" presets ({@link org.brightpaint.models.Preset}).
 *   <li>{@link org.brightpaint.models.Generators}: the registry. {@code create(options, device)}
 *       builds a fresh generator, {@code load(dir, device)} reads a saved one and checks its
 *       format version and model kind. Each {@link org.brightpaint.models.ModelKind} is served by
 *       one {@link org.brightpaint.models.GeneratorFactory}, found with
 *       {@link java.util.ServiceLoader} (file
 *       {@code META-INF/services/org.brightpaint.models.GeneratorFactory}) or registered by hand.
 * </ul>
 *
 * <h2>The models</h2>
 * UNet (Ronneberger 2015; Cross-Zamirski 2022), Pix2Pix (Isola 2017), SPADE (Park 2019) live
 * here with their shared blocks; the diffusion models (Palette, SPADE-Diffusion) plug in through
 * the same registry. Reference defaults: {@code shared/specs/generators.md}.
 *
 * <p>Engine note: DJL's PyTorch engine has no transposed convolution, GroupNorm or
 * InstanceNorm; upsampling is nearest-neighbour followed by a 3x3 convolution and the norms are
 * built from mean and variance ({@link org.brightpaint.models.blocks}).
 */
package org.brightpaint.models;
