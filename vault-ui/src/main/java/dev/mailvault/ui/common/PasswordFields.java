package dev.mailvault.ui.common;

import dev.mailvault.core.crypto.Secret;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

/**
 * Gets secrets out of JavaFX text fields and wipes them.
 *
 * <p>A {@code PasswordField} keeps its text in a {@code StringBuilder} and also publishes it as a
 * {@code String} through its text property, a new one after each keystroke. Those strings cannot be
 * wiped; what we can do is read the characters without asking for the text, overwrite the builder
 * in place before clearing it, and clear every field as soon as its screen is hidden.
 */
public final class PasswordFields {
    private PasswordFields() {}

    /** A copy of the field's value; the field keeps it. */
    public static Secret peek(TextField field) {
        CharSequence chars = field.getCharacters();
        char[] out = new char[chars.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = chars.charAt(i);
        }
        return Secret.adopt(out);
    }

    /** The field's value, after which the field is wiped. */
    public static Secret take(TextField field) {
        Secret value = peek(field);
        wipe(field);
        return value;
    }

    /** Overwrites the characters in place, then clears the field. */
    public static void wipe(TextInputControl field) {
        int length = field.getLength();
        if (length > 0) {
            field.replaceText(0, length, "\0".repeat(length));
        }
        field.clear();
    }

    /** Wipes the fields whenever {@code owner} leaves its scene or its window is hidden. */
    public static void wipeWhenHidden(Node owner, TextInputControl... fields) {
        owner.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                wipeAll(fields);
            }
        });
        owner.visibleProperty().addListener((obs, was, visible) -> {
            if (!visible) {
                wipeAll(fields);
            }
        });
    }

    public static void wipeAll(TextInputControl... fields) {
        for (TextInputControl field : fields) {
            wipe(field);
        }
    }
}
