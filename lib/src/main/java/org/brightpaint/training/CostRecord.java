package org.brightpaint.training;

import org.brightpaint.models.ModelKind;

/**
 * The computational cost of one model, the columns of the paper's Table 4 measured on this machine.
 *
 * @param kind the model
 * @param device where it ran ("cpu()", "gpu(0)")
 * @param parameters trainable parameters of the generator
 * @param trainImageSize side of the training crops
 * @param batchSize training batch size
 * @param secondsPerStep mean wall time of a training step
 * @param secondsPerEpoch mean wall time of an epoch (NaN when no epoch completed)
 * @param trainImagesPerSecond training throughput
 * @param peakHeapBytes peak JVM heap used during training
 * @param peakNativeBytes peak native memory the engine reported (process resident size on CPU,
 *     CUDA memory on GPU); -1 when unavailable
 * @param inferenceSecondsPer512 seconds to predict one 512 x 512 image, batch 1, warmed up
 * @param checkpointBytes size of the full training checkpoint (generator, discriminator,
 *     optimiser states, EMA)
 * @param generatorBytes size of the generator-only checkpoint
 * @param inference how {@code inferenceSecondsPer512} was obtained (sampler, measured or
 *     extrapolated from a few denoiser steps, and the extrapolated DDPM figure)
 */
public record CostRecord(ModelKind kind, String device, long parameters, int trainImageSize, int batchSize,
    double secondsPerStep, double secondsPerEpoch, double trainImagesPerSecond, long peakHeapBytes,
    long peakNativeBytes, double inferenceSecondsPer512, long checkpointBytes, long generatorBytes,
    InferenceTiming inference) {}
