// The benchmark's driver for Apache Jena ARQ with an in-memory dataset. It loads one file,
// then runs each query once as a warm-up (writing its answers) and N more times, timing each
// run as parse + evaluate + serialise every answer (SPARQL JSON results, or N-Triples for
// CONSTRUCT) into memory. It prints one JSON object a line, the protocol of bench/lib/driver.mjs:
//   {"event":"load",...}  {"event":"query",...} per query  {"event":"done",...}
//
//   java JenaDriver --data FILE --runs N --answers DIR QUERY.rq...
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

public final class JenaDriver {
  private JenaDriver() {}

  public static void main(String[] args) throws IOException {
    String data = null;
    String answers = null;
    int runs = 5;
    List<Path> queries = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = args[++i];
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--answers" -> answers = args[++i];
        default -> queries.add(Path.of(args[i]));
      }
    }
    Dataset dataset = DatasetFactory.create();
    long start = System.nanoTime();
    RDFDataMgr.read(dataset, data);
    double loadSeconds = seconds(start);
    long triples = dataset.getDefaultModel().size();
    emit("{\"event\":\"load\",\"triples\":" + triples + ",\"load_s\":" + loadSeconds
        + ",\"heap_mb\":" + heapAfterCollection() + "}");
    for (Path query : queries) {
      runQuery(dataset, query, runs, Path.of(answers));
    }
    emit("{\"event\":\"done\",\"peak_rss_mb\":" + peakRssMb() + "}");
  }

  private static void runQuery(Dataset dataset, Path file, int runs, Path answers)
      throws IOException {
    String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
    String text = Files.readString(file);
    StringBuilder times = new StringBuilder();
    try {
      for (int run = 0; run <= runs; run++) {
        long start = System.nanoTime();
        ByteArrayOutputStream out = execute(dataset, text);
        double elapsed = seconds(start);
        if (run == 0) {
          String suffix = QueryFactory.create(text).isConstructType() ? ".nt" : ".json";
          Files.write(answers.resolve(name + suffix), out.toByteArray());
        } else {
          times.append(times.length() == 0 ? "" : ",").append(elapsed);
        }
      }
      emit("{\"event\":\"query\",\"name\":\"" + name + "\",\"runs\":[" + times + "]}");
    } catch (RuntimeException e) {
      emit("{\"event\":\"query\",\"name\":\"" + name + "\",\"error\":\"" + escape(e.toString())
          + "\"}");
    }
  }

  private static ByteArrayOutputStream execute(Dataset dataset, String text) {
    Query query = QueryFactory.create(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (QueryExecution execution = QueryExecutionFactory.create(query, dataset)) {
      if (query.isSelectType()) {
        ResultSetFormatter.outputAsJSON(out, execution.execSelect());
      } else if (query.isAskType()) {
        ResultSetFormatter.outputAsJSON(out, execution.execAsk());
      } else {
        RDFDataMgr.write(out, execution.execConstruct(), Lang.NTRIPLES);
      }
    }
    return out;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long heapAfterCollection() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
  }

  // The kernel's high-water mark of this process's resident memory.
  private static long peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
      }
    }
    return -1;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static void emit(String json) {
    System.out.println(json);
    System.out.flush();
  }
}
