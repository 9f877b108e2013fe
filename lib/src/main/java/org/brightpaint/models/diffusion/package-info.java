/**
 * The diffusion generators of the benchmark: Palette (brightfield concatenated to the noisy stain)
 * and SPADE-Diffusion (brightfield through SPADE-GroupNorm in the middle and decoder).
 *
 * <ul>
 *   <li>{@link org.brightpaint.models.diffusion.DiffusionGenerator}: the {@code Generator} that
 *       samples fluorescence with the EMA denoiser; built from
 *       {@link org.brightpaint.models.diffusion.DiffusionOptions} (presets "ci" and "paper").
 *   <li>{@link org.brightpaint.models.diffusion.NoiseSchedule} and
 *       {@link org.brightpaint.models.diffusion.Diffusion}: the forward process in closed form.
 *   <li>{@link org.brightpaint.models.diffusion.Prediction}: what the denoiser outputs, eps (the
 *       references, "paper") or v (Salimans and Ho 2022, the "ci" preset), and the conversions
 *       between eps, v and x_0.
 *   <li>{@link org.brightpaint.models.diffusion.DdpmSampler} (ancestral, every step) and
 *       {@link org.brightpaint.models.diffusion.DdimSampler} (respaced, any eta).
 *   <li>{@link org.brightpaint.models.diffusion.DenoiserUNet}: the shared denoiser skeleton;
 *       {@link org.brightpaint.models.diffusion.SamplerTiming}: DDPM against DDIM wall time.
 * </ul>
 *
 * <p>Training is {@code org.brightpaint.training.DiffusionLoop}. References: Ho et al. 2020,
 * arXiv:2006.11239; Saharia et al. 2022 (Palette), doi:10.1145/3528233.3530757; Wang et al. 2022
 * (SDM), arXiv:2207.00050; Song et al. 2021 (DDIM), arXiv:2010.02502.
 */
package org.brightpaint.models.diffusion;
