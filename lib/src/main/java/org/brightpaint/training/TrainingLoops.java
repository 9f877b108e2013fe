package org.brightpaint.training;

import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.brightpaint.models.Generator;
import org.brightpaint.models.ModelKind;

/** The registry of training loops, one {@link LoopFactory} per {@link ModelKind.Family}. */
public final class TrainingLoops {

  private static final Map<ModelKind.Family, LoopFactory> FACTORIES = new EnumMap<>(ModelKind.Family.class);
  private static boolean discovered;

  private TrainingLoops() {}

  /**
   * Registers (or replaces) the loop of a family.
   *
   * @param factory the factory
   */
  public static synchronized void register(LoopFactory factory) {
    FACTORIES.put(factory.family(), factory);
  }

  /**
   * The loop for a generator's family.
   *
   * @param generator the generator
   * @param options the settings
   * @param train training pairs
   * @param validation validation pairs, or null
   * @param augment random flips and rotations
   * @return the loop
   * @throws UnsupportedOperationException when no loop trains that family in this build
   */
  public static TrainingLoop create(Generator generator, TrainingOptions options, PairedSource train,
      PairedSource validation, boolean augment) {
    ModelKind.Family f = generator.options().kind().family();
    return switch (f) {
      case SUPERVISED -> new SupervisedLoop(generator, options, train, validation, augment);
      case ADVERSARIAL -> new AdversarialLoop(generator, options, train, validation, augment);
      default -> {
        LoopFactory lf = factories().get(f);
        if (lf == null) {
          throw new UnsupportedOperationException("No training loop for the " + f + " family in this build");
        }
        yield lf.create(generator, options, train, validation, augment);
      }
    };
  }

  private static synchronized Map<ModelKind.Family, LoopFactory> factories() {
    if (!discovered) {
      discovered = true;
      for (LoopFactory f : ServiceLoader.load(LoopFactory.class, TrainingLoops.class.getClassLoader())) {
        FACTORIES.putIfAbsent(f.family(), f);
      }
    }
    return FACTORIES;
  }
}
