package org.herald.benchmarks.bounce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.herald.bounces.internal.Classifier;

/**
 * Messages classified per second on one thread over the bounce sample set: a warm-up, then several
 * timed rounds over every sample. Not a test.
 *
 * <p>Usage: {@code BounceBenchmark [samples-dir] [rounds]} (default {@code ../../shared/data/bounces}, relative to benchmarks/; 10 rounds).
 */
public final class BounceBenchmark {

    private BounceBenchmark() {
    }

    /** CPU time of the whole process (all threads, GC included). */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** CPU time of the calling thread: the classifier works on it, so this is its cost alone. */
    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "../../shared/data/bounces");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path emails = dir.resolve("emails");
        if (!Files.isDirectory(emails)) {
            System.err.println("No samples at " + emails.toAbsolutePath()
                    + ": pass the folder holding emails/*.eml (shared/data/bounces) as the first argument");
            System.exit(2);
        }
        List<byte[]> messages = new ArrayList<>();
        try (Stream<Path> s = Files.list(emails)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                messages.add(Files.readAllBytes(p));
            }
        }
        long bytes = messages.stream().mapToLong(b -> b.length).sum();
        System.out.printf("Bounce benchmark: %d messages (%d KB), one thread, %d rounds%n", messages.size(), bytes / 1024, rounds);
        try (Classifier classifier = Classifier.withDefaults()) {
            long sink = 0;
            long warmUntil = System.nanoTime() + 5_000_000_000L;
            int warm = 0;
            while (System.nanoTime() < warmUntil) {
                for (byte[] m : messages) {
                    sink += classifier.classify(m).size();
                }
                warm++;
            }
            System.out.printf("warm-up: %d passes%n", warm);
            double best = 0;
            double sum = 0;
            List<Double> rates = new ArrayList<>();
            List<Double> threadRates = new ArrayList<>();
            long cpuTotal = 0;
            long wallTotal = 0;
            for (int r = 1; r <= rounds; r++) {
                long c0 = processCpuNanos();
                long tc0 = threadCpuNanos();
                long t0 = System.nanoTime();
                for (byte[] m : messages) {
                    sink += classifier.classify(m).size();
                }
                long wall = System.nanoTime() - t0;
                long cpu = processCpuNanos() - c0;
                long threadCpu = threadCpuNanos() - tc0;
                cpuTotal += cpu;
                wallTotal += wall;
                double rate = messages.size() / (wall / 1e9);
                best = Math.max(best, rate);
                sum += rate;
                rates.add(rate);
                double threadRate = messages.size() / (threadCpu / 1e9);
                threadRates.add(threadRate);
                System.out.printf("round %2d: %8.0f messages/s wall (%.1f ms), %8.0f messages per CPU-second of the process,"
                        + " %8.0f per CPU-second of the classifying thread%n", r, rate, wall / 1e6, messages.size() / (cpu / 1e9),
                        threadRate);
            }
            System.out.printf("mean %.0f messages/s, best %.0f messages/s wall; %.0f messages per CPU-second of the whole"
                    + " process (CPU/wall %.2f: below 1 means the machine was busy with other work); records seen: %d%n",
                    sum / rounds, best, (double) messages.size() * rounds / (cpuTotal / 1e9), (double) cpuTotal / wallTotal, sink);
            rates.sort(null);
            threadRates.sort(null);
            System.out.printf("wall messages/s: best %.0f, median %.0f; per CPU-second of the classifying thread: best %.0f,"
                    + " median %.0f%n", rates.get(rates.size() - 1), rates.get(rates.size() / 2),
                    threadRates.get(threadRates.size() - 1), threadRates.get(threadRates.size() / 2));
        }
    }
}
