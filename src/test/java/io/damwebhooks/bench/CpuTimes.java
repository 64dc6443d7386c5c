package io.damwebhooks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU seconds used so far (user + system, from Linux's {@code /proc}) by the service's processes, by
 * PostgreSQL's processes, and by this JVM (the load and the receiver): who took how much of the machine
 * during a measured window.
 */
record CpuTimes(double service, double database, double bench, long nanos) {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    static final double TICKS = 100.0;

    static CpuTimes now(List<Long> servicePids) {
        double service = servicePids.stream().mapToDouble(CpuTimes::seconds).sum();
        return new CpuTimes(service, postgresSeconds(), seconds(ProcessHandle.current().pid()), System.nanoTime());
    }

    /** What happened between {@code before} and this, as a row's text: CPU seconds and their share of the machine. */
    String since(CpuTimes before) {
        double wall = (nanos - before.nanos) / 1e9;
        double cores = Runtime.getRuntime().availableProcessors();
        return String.format("service %.1f s (%.0f %%), PostgreSQL %.1f s (%.0f %%), load and receiver %.1f s (%.0f %%) of %.0f cores x %.1f s",
                service - before.service, 100 * (service - before.service) / (cores * wall),
                database - before.database, 100 * (database - before.database) / (cores * wall),
                bench - before.bench, 100 * (bench - before.bench) / (cores * wall), cores, wall);
    }

    private static double postgresSeconds() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuTimes::isPostgres).mapToDouble(p -> seconds(Long.parseLong(p.getFileName().toString()))).sum();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).trim().equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    /** utime + stime of a process, its threads and its waited-for children (fields 14–17 of stat). */
    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is stat's field 3 (state): utime, stime, cutime, cstime are fields 14-17
            long ticks = 0;
            for (int i = 11; i <= 14; i++) ticks += Long.parseLong(fields[i]);
            return ticks / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
