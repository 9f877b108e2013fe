package org.brightpaint.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.models.Generator;
import org.brightpaint.models.ModelKind;
import org.brightpaint.models.PatchDiscriminator;

/**
 * Adversarial training of a conditional GAN: two optimisers, the discriminator updated first on
 * real pairs and detached fakes, then the generator against the updated discriminator.
 *
 * <pre>
 * fake = G(bf)
 * D:  Pix2Pix  0.5 * (BCE(D(bf, real), 1) + BCE(D(bf, fake.detach), 0))
 *     SPADE    mean over scales of mean(relu(1 - D(bf, real))) + mean(relu(1 + D(bf, fake.detach)))
 * G:  Pix2Pix  BCE(D(bf, fake), 1) + l1 * |fake - real|_1
 *     SPADE    -mean D(bf, fake) + fm * sum_layers |D_k(bf, fake) - D_k(bf, real)|_1 / scales + l1 * |fake - real|_1
 * </pre>
 * BCE is on logits. Pix2Pix: 70x70 PatchGAN with BatchNorm, Adam 2e-4 beta1 0.5, L1 100.
 * SPADE: two-scale PatchGAN with instance norm, hinge loss, feature matching 10, TTUR (G 1e-4,
 * D 4e-4, betas 0 / 0.9), plus the Pix2Pix L1 term since the benchmark places SPADE norms in the
 * Pix2Pix generator.
 *
 * <p>References: Isola et al., CVPR 2017; Park et al., CVPR 2019; T.-C. Wang et al.,
 * "High-Resolution Image Synthesis and Semantic Manipulation with Conditional GANs", CVPR 2018.
 */
public final class AdversarialLoop extends TrainingLoop {

  /** The GAN objective. */
  public enum GanLoss {
    /** Binary cross-entropy on logits (Pix2Pix "vanilla"). */
    VANILLA,
    /** Hinge loss (SPADE). */
    HINGE
  }

  private final PatchDiscriminator discriminator;
  private final GanLoss ganLoss;
  private final Adam adamG;
  private final Adam adamD;

  /**
   * A loop with the discriminator and objective of the generator's kind (PIX2PIX or SPADE).
   * Seed the engine before calling: the discriminator's weights are drawn here.
   *
   * @param generator the generator
   * @param options the settings
   * @param train training pairs
   * @param validation validation pairs, or null
   * @param augment random flips and rotations
   */
  public AdversarialLoop(Generator generator, TrainingOptions options, PairedSource train, PairedSource validation,
      boolean augment) {
    super(generator, options, train, validation, augment);
    ModelKind kind = generator.options().kind();
    if (kind.family() != ModelKind.Family.ADVERSARIAL) {
      throw new IllegalArgumentException("The adversarial loop trains pix2pix or spade, not " + kind.cliName());
    }
    boolean spade = kind == ModelKind.SPADE;
    this.ganLoss = spade ? GanLoss.HINGE : GanLoss.VANILLA;
    int channels = generator.options().inputChannels() + generator.options().outputChannels();
    this.discriminator = PatchDiscriminator.create(generator.options().baseWidth(), spade ? 2 : 1,
        spade ? PatchDiscriminator.Norm.INSTANCE : PatchDiscriminator.Norm.BATCH, channels,
        generator.options().imageSize(), generator.device());
    this.adamG = new Adam(options.beta1(), options.beta2(), 1e-8, manager);
    this.adamD = new Adam(options.beta1(), options.beta2(), 1e-8, manager);
  }

  /** @return the discriminator (for tests and inspection) */
  public PatchDiscriminator discriminator() {
    return discriminator;
  }

  @Override
  protected Map<String, Double> trainStep(NDList batch, long step) {
    NDArray bf = batch.get(0);
    NDArray real = batch.get(1);
    NDArray fake;
    double dLoss;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      fake = generator.network().forward(parameterStore(), new NDList(bf), true).singletonOrThrow();
      List<NDList> onReal = discriminate(bf, real);
      List<NDList> onFake = discriminate(bf, fake.stopGradient());
      NDArray loss = discriminatorLoss(onReal, onFake);
      Gradients.zero(discriminator);
      gc.backward(loss);
      dLoss = value(loss);
    }
    adamD.step(discriminator, options.discriminatorSchedule().at(step));
    double gAdv;
    double gL1;
    double gFm = 0;
    double gTotal;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      List<NDList> onFake = discriminate(bf, fake);
      NDArray adv = generatorAdversarialLoss(onFake);
      NDArray l1 = fake.sub(real).abs().mean();
      NDArray loss = adv.add(l1.mul((float) options.l1Weight()));
      if (options.featureMatchingWeight() > 0) {
        NDArray fm = featureMatching(onFake, discriminate(bf, real));
        loss = loss.add(fm.mul((float) options.featureMatchingWeight()));
        gFm = value(fm);
      }
      gc.backward(loss);
      gAdv = value(adv);
      gL1 = value(l1);
      gTotal = value(loss);
    }
    adamG.step(generator.network(), options.schedule().at(step));
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("g_total", gTotal);
    m.put("g_gan", gAdv);
    m.put("g_l1", gL1);
    if (options.featureMatchingWeight() > 0) {
      m.put("g_fm", gFm);
    }
    m.put("d", dLoss);
    return m;
  }

  private List<NDList> discriminate(NDArray bf, NDArray fluorescence) {
    NDArray pair = NDArrays.concat(new NDList(bf, fluorescence), 1);
    return discriminator.split(discriminator.forward(parameterStore(), new NDList(pair), true));
  }

  private NDArray discriminatorLoss(List<NDList> onReal, List<NDList> onFake) {
    NDArray total = null;
    for (int s = 0; s < onReal.size(); s++) {
      NDArray r = onReal.get(s).get(onReal.get(s).size() - 1);
      NDArray f = onFake.get(s).get(onFake.get(s).size() - 1);
      NDArray l = ganLoss == GanLoss.VANILLA
          ? softplus(r.neg()).mean().add(softplus(f).mean()).mul(0.5f)
          : Activation.relu(r.neg().add(1)).mean().add(Activation.relu(f.add(1)).mean());
      total = total == null ? l : total.add(l);
    }
    return total.div((float) onReal.size());
  }

  private NDArray generatorAdversarialLoss(List<NDList> onFake) {
    NDArray total = null;
    for (NDList scale : onFake) {
      NDArray f = scale.get(scale.size() - 1);
      NDArray l = ganLoss == GanLoss.VANILLA ? softplus(f.neg()).mean() : f.mean().neg();
      total = total == null ? l : total.add(l);
    }
    return total.div((float) onFake.size());
  }

  private static NDArray featureMatching(List<NDList> onFake, List<NDList> onReal) {
    NDArray total = null;
    for (int s = 0; s < onFake.size(); s++) {
      for (int k = 0; k < onFake.get(s).size() - 1; k++) {
        NDArray l = onFake.get(s).get(k).sub(onReal.get(s).get(k).stopGradient()).abs().mean();
        total = total == null ? l : total.add(l);
      }
    }
    return total.div((float) onFake.size());
  }

  /**
   * Numerically stable {@code log(1 + exp(x)) = relu(x) + log(1 + exp(-|x|))}; BCE on logits is
   * {@code softplus(-x)} for target 1 and {@code softplus(x)} for target 0.
   *
   * @param x logits
   * @return softplus of x
   */
  static NDArray softplus(NDArray x) {
    return Activation.relu(x).add(x.abs().neg().exp().add(1).log());
  }

  @Override
  protected Map<String, Adam> optimisers() {
    Map<String, Adam> m = new LinkedHashMap<>();
    m.put("generator", adamG);
    m.put("discriminator", adamD);
    return m;
  }

  @Override
  protected Map<String, Block> optimised() {
    Map<String, Block> m = new LinkedHashMap<>();
    m.put("generator", generator.network());
    m.put("discriminator", discriminator);
    return m;
  }

  @Override
  protected Map<String, Block> extraNetworks() {
    return Map.of("discriminator", discriminator);
  }

  @Override
  public void close() {
    super.close();
    discriminator.close();
  }
}
