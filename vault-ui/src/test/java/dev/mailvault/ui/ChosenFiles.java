package dev.mailvault.ui;

import dev.mailvault.ui.common.FilePicker;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the system's file dialogs, which cannot be driven headless: each dialog the app
 * opens takes the next path the test queued (none queued: the user cancelled), and is recorded.
 */
final class ChosenFiles implements FilePicker {
    private final Deque<Path> answers = new ArrayDeque<>();
    /** "open", "folder" or "save", with the dialog's title, in the order the app asked. */
    final List<String> asked = new CopyOnWriteArrayList<>();

    synchronized void next(Path path) {
        answers.add(path);
    }

    private synchronized Optional<Path> answer(String kind, String title) {
        asked.add(kind + ": " + title);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openFile(String title, String filterName, List<String> patterns) {
        return answer("open", title);
    }

    @Override
    public Optional<Path> openFolder(String title) {
        return answer("folder", title);
    }

    @Override
    public Optional<Path> saveFile(String title, String initialName, String filterName, List<String> patterns) {
        return answer("save", title);
    }
}
