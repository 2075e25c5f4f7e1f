package dev.mailvault.core.files;

import dev.mailvault.core.files.UnwritableFileException.Why;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see either the old or the complete new content, never a part: the
 * audit's CSV, the reminder calendar, the reminder job's units and the user's provider file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Refuses a target that {@link #write} would not replace: one whose folder does not exist, a
     * folder, or a device, FIFO or socket (the rename would put a regular file in its place), also
     * when a symbolic link leads to one or to a process's open file: {@code /dev/stdout} is such a
     * link, through {@code /proc/self/fd/1}, and run as root, replacing it would break standard
     * output for the whole system. A regular file or another symbolic link (replaced, not
     * followed) passes. Callers may check early, before asking for a password; {@link #write}
     * checks again.
     */
    public static void checkTarget(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UnwritableFileException(target, Why.NO_FOLDER, String.valueOf(dir), null);
        }
        if (Files.isDirectory(absolute)) {
            throw new UnwritableFileException(target, Why.FOLDER, "", null);
        }
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(absolute, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // nothing there yet (or nothing we may look at: writing will say so)
            return;
        }
        if (existing.isOther()) {
            throw new UnwritableFileException(target, Why.SPECIAL_FILE, "", null);
        }
        if (existing.isSymbolicLink() && leadsToSpecialFile(absolute)) {
            throw new UnwritableFileException(target, Why.LINK_TO_SPECIAL_FILE, "", null);
        }
    }

    /** Whether a chain of symbolic links passes through /proc or ends at a device, FIFO or socket. */
    private static boolean leadsToSpecialFile(Path link) {
        Path hop = link;
        try {
            // as many links as Linux follows before it gives up (ELOOP)
            for (int i = 0; i < 40 && Files.isSymbolicLink(hop); i++) {
                hop = hop.getParent().resolve(Files.readSymbolicLink(hop)).normalize();
                if (hop.startsWith("/proc")) {
                    return true;
                }
            }
            return Files.readAttributes(hop, BasicFileAttributes.class).isOther();
        } catch (IOException e) {
            return false; // a link to nothing, or to what we may not look at: replaced as a link
        }
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, flushes it to disk and
     * moves it into place. {@code permissions} applies where the file system is POSIX.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        checkTarget(target);
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            FileAttribute<?>[] attrs =
                    dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                            : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", attrs);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw cannotWrite(target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is what the caller needs to see
                }
            }
        }
    }

    /**
     * The refusal of an output file the system would not let us write (no permission, a read-only
     * file system, a full disk, a name too long, a folder such as /proc that takes no new files).
     * The person chose the place, so it is bad input, not a fault of the program; the message names
     * the file and the system's reason.
     */
    public static UnwritableFileException cannotWrite(Path target, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new UnwritableFileException(target, Why.PERMISSION, "", e);
        }
        if (e instanceof NoSuchFileException) {
            return new UnwritableFileException(
                    target,
                    Why.NO_NEW_FILE,
                    String.valueOf(target.toAbsolutePath().getParent()),
                    e);
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if ("No space left on device".equals(reason)) {
            // ENOSPC in the system's (C locale) words: a reason the CLI and the app can word
            return new UnwritableFileException(target, Why.DISK_FULL, "", e);
        }
        if (reason == null || reason.isBlank()) {
            reason = e.getClass().getSimpleName();
        } else {
            // the system's words ("Read-only file system") read as the second half of a sentence
            reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return new UnwritableFileException(target, Why.SYSTEM, reason, e);
    }

    /**
     * The refusal of an output file for a reason that did not come as an {@link IOException}: SQLite's
     * result codes when it writes a new vault or a copy of one. {@code detail} as {@link
     * UnwritableFileException#detail()} names it for {@code why}.
     */
    public static UnwritableFileException cannotWrite(Path target, Why why, String detail, Throwable cause) {
        return new UnwritableFileException(target, why, detail, cause);
    }
}
