package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.brightpaint.benchmark.Benchmark;
import org.brightpaint.benchmark.GeneratorRunner;
import org.brightpaint.benchmark.ModelRunner;
import org.brightpaint.benchmark.QualityGate;
import org.brightpaint.models.ModelKind;
import org.brightpaint.config.RunSize;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint benchmark --data DIR|--synthetic [--size ci|full] --out DIR}: the
 * end-to-end benchmark with resumable stages (see {@link Benchmark}).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Train, predict, profile and evaluate end to end; resumable; writes DIR/stages/report/ (CSV tables + report.html).")
public final class BenchmarkCommand implements Callable<Integer> {

  static final class Source {
    @Option(names = "--data", paramLabel = "DIR", description = "Folder of plate folders (<barcode>[__timestamp]/Images/...).")
    Path data;

    @Option(names = "--synthetic", description = "Use (and generate if needed) the synthetic plates of --size in the workspace.")
    boolean synthetic;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--size", defaultValue = "ci", description = "ci (default) or full.")
  String size;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder; rerun with the same folder to resume.")
  Path out;

  @Option(names = "--threads", description = "Profiling threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--models", split = ",", description = "Models to compare (default: baseline-mean and the five generators).")
  java.util.List<String> models;

  @Option(names = "--cross-line", split = ",", description = "Models also trained per cell line (default: baseline-mean,unet; 'none' for none).")
  java.util.List<String> crossLine;

  @Option(names = "--checkpoint", paramLabel = "MODEL=DIR", description = "Use this trained checkpoint (a train --out folder) "
      + "for MODEL instead of training it; repeatable.")
  java.util.Map<String, Path> checkpoints = new java.util.LinkedHashMap<>();

  @Option(names = "--gate", defaultValue = "enforce", description = "enforce (default): exit 1 when the quality gate fails; "
      + "report: print and write the gate without failing on it (short runs whose generators cannot beat the mean image yet).")
  Gate gate;

  /** What a failed quality gate does to the exit status. */
  enum Gate {
    /** exit 1 */
    enforce,
    /** print only */
    report
  }

  @Override
  public Integer call() throws Exception {
    RunSize rs = RunSize.parse(size);
    Benchmark.Options d = Benchmark.defaults(source.synthetic ? null : source.data, rs, out, out.resolve("runs"));
    var known = d.models().stream().map(ModelRunner::name).toList();
    List<String> chosenNames = models != null ? models : known;
    requireKnown("--models", chosenNames, known);
    List<String> lines = crossLine == null ? d.generalisation().stream().filter(chosenNames::contains).toList()
        : crossLine.equals(List.of("none")) ? List.of() : crossLine;
    requireKnown("--cross-line", lines, chosenNames);
    requireKnown("--checkpoint", List.copyOf(checkpoints.keySet()), chosenNames);
    List<ModelRunner> chosen = new ArrayList<>();
    for (ModelRunner m : d.models()) {
      if (!chosenNames.contains(m.name())) continue;
      Path c = checkpoints.get(m.name());
      if (c == null) {
        chosen.add(m);
      } else {
        if (!(m instanceof GeneratorRunner)) {
          throw new IllegalArgumentException("--checkpoint " + m.name() + "=" + c + ": " + m.name()
              + " is not a generator; give a checkpoint for unet, pix2pix, spade, palette or spade-diffusion");
        }
        ModelKind kind = ModelKind.parse(m.name());
        if (lines.contains(m.name())) {
          throw new IllegalArgumentException("--checkpoint " + m.name() + ": a checkpoint trained earlier cannot be retrained "
              + "per cell line; leave " + m.name() + " out of --cross-line (or --cross-line none)");
        }
        chosen.add(GeneratorRunner.pretrained(kind, rs, c));
      }
    }
    Benchmark.Result r = Benchmark.run(new Benchmark.Options(d.dataDir(), d.size(), d.out(), chosen, lines,
        Math.max(1, threads), d.families()), System.out);
    System.out.println("Report: " + r.report());
    var g = QualityGate.of(r.evaluation());
    g.checks().forEach(c -> System.out.println("quality gate: " + c));
    if (!g.passed()) {
      if (gate == Gate.report) {
        System.out.println("quality gate: failed, not enforced (--gate report)");
        return 0;
      }
      System.err.println("brightpaint benchmark: quality gate failed: " + String.join("; ", g.failures()));
      return 1;
    }
    return 0;
  }

  private static void requireKnown(String option, List<String> given, List<String> known) {
    for (String m : given) {
      if (!known.contains(m)) {
        throw new IllegalArgumentException(option + ": unknown model '" + m + "'; expected one of " + String.join(", ", known));
      }
    }
  }
}
