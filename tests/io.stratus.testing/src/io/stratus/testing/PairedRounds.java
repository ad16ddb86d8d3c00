package io.stratus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Compares ways of reading the same data with a baseline way, on a machine whose load changes
 * while it runs (two cores shared with other builds). A wall-time ratio of two medians taken
 * seconds apart measures the load as much as the code, so each contender runs in pairs with the
 * baseline, back to back, and each pair gives its own ratio; pairs alternate which way goes first
 * (baseline then contender, then contender then baseline: ABBA), so that neither always inherits
 * the other's garbage or runs first after a change of load. The median pair ratio is the figure,
 * with the lowest and highest beside it. Warm-up runs, every way in turn, come first and do not
 * count. It also tells this JVM's CPU time per unit read (every thread: clients, server, collector,
 * compilers), which load does not stretch as it stretches the wall time, and the load average
 * before, during (lowest and highest, sampled after each pair) and after.
 */
public final class PairedRounds {

    /** Reads all the data once, doing with every value what a consumer would; returns how many units it read. */
    @FunctionalInterface
    public interface Way {
        long read() throws Exception;
    }

    /** A way compared with the baseline, and the least median ratio to it that it is meant to reach. */
    public record Contender(String name, Way way, double targetRatio) {
    }

    private final String unit;
    private final long units;
    private final int warmUps;
    private final int pairs;

    /**
     * @param unit    what a way reads, for the report ("rows")
     * @param units   how many every run must read
     * @param warmUps runs of every way before measuring
     * @param pairs   measured pairs per contender
     */
    public PairedRounds(String unit, long units, int warmUps, int pairs) {
        this.unit = unit;
        this.units = units;
        this.warmUps = warmUps;
        this.pairs = pairs;
    }

    /** Runs the rounds and prints what they measured (lines starting with {@code [benchmark]}). */
    public void run(String title, String baselineName, Way baseline, List<Contender> contenders) throws Exception {
        for (int round = 0; round < warmUps; round++) {
            List<Way> order = new ArrayList<>();
            order.add(baseline);
            contenders.forEach(c -> order.add(c.way()));
            if (round % 2 == 1) {
                order.reversed().forEach(this::measure);
            } else {
                order.forEach(this::measure);
            }
        }
        String loadBefore = loadAverage();
        double lowestLoad = Double.MAX_VALUE;
        double highestLoad = 0;
        List<Run> baselineRuns = new ArrayList<>();
        Map<Contender, List<Run>> contenderRuns = new LinkedHashMap<>();
        Map<Contender, List<Double>> ratios = new LinkedHashMap<>();
        contenders.forEach(c -> {
            contenderRuns.put(c, new ArrayList<>());
            ratios.put(c, new ArrayList<>());
        });
        for (int pair = 0; pair < pairs; pair++) {
            for (Contender contender : contenders) {
                Run base;
                Run other;
                if (pair % 2 == 0) {
                    base = measure(baseline);
                    other = measure(contender.way());
                } else {
                    other = measure(contender.way());
                    base = measure(baseline);
                }
                baselineRuns.add(base);
                contenderRuns.get(contender).add(other);
                ratios.get(contender).add(other.rate() / base.rate());
                double load = oneMinuteLoad();
                lowestLoad = Math.min(lowestLoad, load);
                highestLoad = Math.max(highestLoad, load);
            }
        }
        print(title, baselineName, baselineRuns, contenderRuns, ratios, loadBefore,
                String.format("%.2f to %.2f", lowestLoad, highestLoad), loadAverage());
    }

    private void print(String title, String baselineName, List<Run> baselineRuns, Map<Contender, List<Run>> contenderRuns,
            Map<Contender, List<Double>> ratios, String loadBefore, String loadDuring, String loadAfter) {
        System.out.printf("%n[benchmark] %s%n", title);
        System.out.printf("[benchmark]   method: %d warm-up runs of every way (not counted), then %d pairs per way with %s,"
                + " back to back, alternately %s first (ABBA); each pair gives a ratio of %s per second; the median pair"
                + " ratio counts. Load average %s before, %s during (1 minute, after each pair), %s after.%n", warmUps, pairs,
                baselineName, baselineName, unit, loadBefore, loadDuring, loadAfter);
        printRates(baselineName, baselineRuns);
        for (Map.Entry<Contender, List<Run>> entry : contenderRuns.entrySet()) {
            Contender contender = entry.getKey();
            List<Double> pairRatios = ratios.get(contender);
            double median = median(pairRatios);
            printRates(contender.name(), entry.getValue());
            System.out.printf("[benchmark]   %-18s %5.0f%% of %s: median of %d pair ratios (lowest %.0f%%, highest %.0f%%);"
                    + " target %.0f%%: %s%n", contender.name(), 100 * median, baselineName, pairRatios.size(),
                    100 * min(pairRatios), 100 * max(pairRatios), 100 * contender.targetRatio(),
                    median >= contender.targetRatio() ? "met" : "NOT MET");
            System.out.printf("[benchmark]   %-18s pair ratios in order: %s%n", "", String.join(" ",
                    pairRatios.stream().map(r -> String.format("%.0f%%", 100 * r)).toList()));
        }
    }

    private void printRates(String name, List<Run> runs) {
        List<Double> rates = runs.stream().map(Run::rate).toList();
        System.out.printf("[benchmark]   %-18s %,10.0f %s/s median (%,.0f to %,.0f)   this JVM's CPU %,6.0f us per 1,000 %s%n",
                name, median(rates), unit, min(rates), max(rates),
                median(runs.stream().map(Run::cpuMicrosPerThousand).toList()), unit);
    }

    private record Run(double rate, double cpuMicrosPerThousand) {
    }

    private Run measure(Way way) {
        try {
            long cpuStarted = processCpuNanos();
            long started = System.nanoTime();
            long read = way.read();
            long wall = System.nanoTime() - started;
            long cpu = processCpuNanos() - cpuStarted;
            if (read != units) {
                throw new AssertionError("A way read " + read + " " + unit + ", not " + units);
            }
            return new Run(units / (wall / 1e9), cpu / 1e3 / (units / 1_000.0));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The middle value; of an even count, the mean of the two middle ones. */
    public static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** CPU time of this whole JVM, every thread: what load does not stretch, as it stretches the wall time. */
    public static long processCpuNanos() {
        try {
            return (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
        } catch (JMException e) {
            throw new IllegalStateException("This JVM does not tell its CPU time", e);
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes. */
    private static String loadAverage() {
        String[] fields = readLoadAverage();
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static double oneMinuteLoad() {
        return Double.parseDouble(readLoadAverage()[0]);
    }

    private static String[] readLoadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
