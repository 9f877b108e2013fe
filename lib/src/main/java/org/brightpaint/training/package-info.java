/**
 * Training the generators: the loops, their options, checkpoints that resume exactly, listeners
 * (progress bar, curves), and the cost meter.
 *
 * <ul>
 *   <li>Entry point: {@link org.brightpaint.training.Trainer#train(org.brightpaint.models.ModelKind,
 *       org.brightpaint.config.RunSize)} returns a {@link org.brightpaint.training.TrainingRun}
 *       (curves, cost record, {@link org.brightpaint.training.MeanImageBaseline} comparison,
 *       {@link org.brightpaint.training.PredictionMontage}); the CLI's {@code train} calls it too.
 *   <li>Loops, one per {@link org.brightpaint.models.ModelKind.Family}, each reading like DJL's
 *       {@code EasyTrain.fit}: {@link org.brightpaint.training.SupervisedLoop} (UNet, MSE),
 *       {@link org.brightpaint.training.AdversarialLoop} (Pix2Pix, SPADE: two optimisers,
 *       detached fakes for the discriminator); the diffusion loop plugs in the same way.
 *   <li>Data: {@link org.brightpaint.training.PairedSource} (indexable brightfield/fluorescence
 *       pairs in normalised units); data order is a seeded permutation per epoch.
 *       {@link org.brightpaint.training.PlateSources} adapts the data layer's paired dataset.
 *   <li>{@link org.brightpaint.training.TrainingLoops}: one loop per model family; the diffusion
 *       family registers a {@link org.brightpaint.training.LoopFactory}.
 *   <li>{@link org.brightpaint.training.Adam}: Adam with its moments exposed, so a checkpoint
 *       holds the optimiser state and a resumed run continues bit-for-bit.
 *   <li>{@link org.brightpaint.training.CheckpointFiles}: atomic checkpoint folders with the
 *       generator, extra networks (discriminator, EMA), optimiser states, step and history.
 *   <li>{@link org.brightpaint.training.TrainingListener}: hooks; {@link org.brightpaint.training.ProgressBar}
 *       and {@link org.brightpaint.training.TrainingHistory} (curves as Tablesaw table + Plotly figure).
 *   <li>{@link org.brightpaint.training.CostRecord}: the paper's Table 4 for one model.
 * </ul>
 *
 * <h2>Randomness and exact resume</h2>
 * Every random draw is a function of (seed, step): before step {@code s} the engine is reseeded
 * with {@link org.brightpaint.training.Seeds#forStep(long, long)} (dropout, noise), augmentation
 * uses a {@link java.util.Random} seeded the same way, and epoch {@code e}'s data order is the
 * permutation drawn by {@code new Random(Seeds.forEpoch(seed, e))}. So the RNG state of a run is
 * its seed and step, both saved in the checkpoint.
 */
package org.brightpaint.training;
