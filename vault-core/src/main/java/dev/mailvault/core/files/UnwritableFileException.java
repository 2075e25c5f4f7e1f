package dev.mailvault.core.files;

import dev.mailvault.core.BadInputException;
import java.nio.file.Path;

/**
 * An output file the person named that cannot be written, with why in a form the CLI and the app
 * can put in the user's language; the message is the English sentence.
 */
public final class UnwritableFileException extends BadInputException {
    /** Why the file cannot be written; {@link #detail} is named for each. */
    public enum Why {
        /** The folder does not exist; the detail is the folder. */
        NO_FOLDER,
        /** The name is a folder. */
        FOLDER,
        /** The name is a device, FIFO or socket. */
        SPECIAL_FILE,
        /** The name is a symbolic link to a standard stream, device, FIFO or socket. */
        LINK_TO_SPECIAL_FILE,
        /** The system refused: no permission. */
        PERMISSION,
        /** The system could make no new file in the folder; the detail is the folder. */
        NO_NEW_FILE,
        /** The disk holding it is full. */
        DISK_FULL,
        /**
         * It was made but SQLite could not open it to write (a new vault, a copy of one): its path or
         * its name is likely longer than SQLite or the system take.
         */
        CANNOT_OPEN,
        /** A file of that name is there and is kept (a copy an earlier upgrade left). */
        EXISTS,
        /** The system refused for another reason; the detail is the system's words. */
        SYSTEM
    }

    private final transient Path file;
    private final Why why;
    private final String detail;

    UnwritableFileException(Path file, Why why, String detail, Throwable cause) {
        super("cannot write " + file + ": " + english(why, detail), cause);
        this.file = file;
        this.why = why;
        this.detail = detail;
    }

    private static String english(Why why, String detail) {
        return switch (why) {
            case NO_FOLDER -> "the folder " + detail + " does not exist";
            case FOLDER -> "it is a folder (give a file name)";
            case SPECIAL_FILE -> "it is a device, FIFO or socket, not a regular file (give the name of a file)";
            case LINK_TO_SPECIAL_FILE ->
                "it is a symbolic link to a standard stream, device, FIFO or socket, not to a"
                        + " regular file (give the name of a file)";
            case PERMISSION -> "permission denied";
            case NO_NEW_FILE -> "no new file can be made in " + detail;
            // the system's words for ENOSPC, as it read before it had a reason of its own
            case DISK_FULL -> "no space left on device";
            case CANNOT_OPEN -> "it could not be opened (its path or its name may be too long)";
            case EXISTS ->
                "a file of that name is already there; it was left untouched (move it elsewhere and try again)";
            case SYSTEM -> detail;
        };
    }

    public Path file() {
        return file;
    }

    public Why why() {
        return why;
    }

    /** The folder ({@link Why#NO_FOLDER}, {@link Why#NO_NEW_FILE}), the system's words ({@link Why#SYSTEM}), or empty. */
    public String detail() {
        return detail;
    }
}
