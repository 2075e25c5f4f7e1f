package dev.mailvault.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A parse error the CLI found itself, already worded in the user's language. */
public final class WordedParameterException extends ParameterException {
    public WordedParameterException(CommandLine commandLine, String localizedMessage) {
        super(commandLine, localizedMessage);
    }
}
