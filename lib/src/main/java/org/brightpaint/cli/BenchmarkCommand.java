package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brightpaint.benchmark.Benchmark;
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

  @Option(names = "--cross-line", split = ",", description = "Models also trained per cell line (default: baseline-mean,unet).")
  java.util.List<String> crossLine;

  @Override
  public Integer call() throws Exception {
    RunSize rs = RunSize.parse(size);
    Benchmark.Options d = Benchmark.defaults(source.synthetic ? null : source.data, rs, out, out.resolve("runs"));
    var chosen = d.models();
    if (models != null) {
      chosen = d.models().stream().filter(m -> models.contains(m.name())).toList();
      var known = d.models().stream().map(org.brightpaint.benchmark.ModelRunner::name).toList();
      for (String m : models) {
        if (!known.contains(m)) {
          System.err.println("benchmark: unknown model '" + m + "'; known: " + String.join(", ", known));
          return 2;
        }
      }
    }
    Benchmark.Result r = Benchmark.run(new Benchmark.Options(d.dataDir(), d.size(), d.out(), chosen,
        crossLine != null ? crossLine : d.generalisation(), Math.max(1, threads), d.families()), System.out);
    System.out.println("Report: " + r.report());
    var gate = org.brightpaint.benchmark.QualityGate.of(r.evaluation());
    gate.checks().forEach(c -> System.out.println("quality gate: " + c));
    if (!gate.passed()) {
      System.err.println("benchmark: quality gate failed: " + String.join("; ", gate.failures()));
      return 1;
    }
    return 0;
  }
}
