package dev.mailvault.core.verify.mail;

import java.io.IOException;

/** The server broke a limit that no honest login exchange comes near (line length, literal size, total size). */
final class ServerMisbehaviorException extends IOException {
    ServerMisbehaviorException(String message) {
        super(message);
    }
}
