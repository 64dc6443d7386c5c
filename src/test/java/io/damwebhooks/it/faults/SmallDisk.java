package io.damwebhooks.it.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A filesystem of its own (tmpfs) whose size a test can change while a service writes to it: a full
 * disk on demand, then room again. Mounting needs root (CAP_SYS_ADMIN); where that is refused,
 * {@link #mount} answers null and {@link #whyNot} says why.
 */
final class SmallDisk implements AutoCloseable {

    static volatile String whyNot;
    final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    static SmallDisk mount(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String refused = run("mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", dir.toString());
        if (refused != null) {
            whyNot = refused;
            return null;
        }
        return new SmallDisk(dir);
    }

    /** Bytes in use on it now. */
    long used() throws IOException {
        var store = Files.getFileStore(dir);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    /** Resizes it (never below what is in use: tmpfs refuses that). */
    void resize(long bytes) throws IOException, InterruptedException {
        String refused = run("mount", "-o", "remount,size=" + bytes, dir.toString());
        if (refused != null) throw new IOException("could not resize " + dir + ": " + refused);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    /** Runs a command; null when it succeeded, otherwise what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notThere) {
            return notThere.getMessage();
        }
        String output = new String(process.getInputStream().readAllBytes());
        return process.waitFor() == 0 ? null : String.join(" ", command) + ": " + output.trim();
    }
}
