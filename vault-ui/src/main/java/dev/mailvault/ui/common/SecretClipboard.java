package dev.mailvault.ui.common;

import dev.mailvault.core.crypto.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Puts a secret on the system clipboard and takes it off again after a while, unless the user has
 * copied something else meanwhile. JavaFX's clipboard only takes a {@code String}, so the value
 * exists as one while it is on the clipboard; to recognise it later we keep only a salted digest,
 * not the value.
 */
public final class SecretClipboard {
    private final Clipboard clipboard;
    private final PauseTransition timer;
    private final SecureRandom random = new SecureRandom();
    private byte[] salt;
    private byte[] digest;

    public SecretClipboard(Clipboard clipboard, Duration clearAfter) {
        this.clipboard = clipboard;
        this.timer = new PauseTransition(javafx.util.Duration.millis(clearAfter.toMillis()));
        this.timer.setOnFinished(e -> clearIfOurs());
    }

    /** Copies the value and starts the countdown; the caller keeps (and closes) the secret. */
    public void copy(Secret secret) {
        char[] chars = secret.revealChars();
        try {
            salt = new byte[16];
            random.nextBytes(salt);
            digest = digest(salt, chars);
            ClipboardContent content = new ClipboardContent();
            content.putString(new String(chars));
            clipboard.setContent(content);
        } finally {
            Arrays.fill(chars, '\0');
        }
        timer.playFromStart();
    }

    /** Whether the clipboard still holds the value this copied last. */
    public boolean holdsOurValue() {
        if (digest == null || !clipboard.hasString()) {
            return false;
        }
        char[] current = clipboard.getString().toCharArray();
        try {
            return MessageDigest.isEqual(digest, digest(salt, current));
        } finally {
            Arrays.fill(current, '\0');
        }
    }

    /** Empties the clipboard if it still holds our value; called by the timer and on lock. */
    public void clearIfOurs() {
        timer.stop();
        if (holdsOurValue()) {
            clipboard.clear();
        }
        digest = null;
        salt = null;
    }

    private static byte[] digest(byte[] salt, char[] chars) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        if (utf8.hasArray()) {
            Arrays.fill(utf8.array(), (byte) 0);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
