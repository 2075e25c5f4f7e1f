package dev.mailvault.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for a file or a folder. The app uses the system's dialogs ({@link #dialogs}); tests
 * hand in the paths they want, since a native dialog cannot be driven headless.
 */
public interface FilePicker {
    /** A file to read; {@code patterns} such as {@code *.csv} narrow what the dialog lists. */
    Optional<Path> openFile(String title, String filterName, List<String> patterns);

    /** A folder to read. */
    Optional<Path> openFolder(String title);

    /** A file to write, proposed under {@code initialName}. Whether it exists is for the caller to check. */
    Optional<Path> saveFile(String title, String initialName, String filterName, List<String> patterns);

    /** JavaFX's {@link FileChooser} and {@link DirectoryChooser}, modal over {@code owner}. */
    static FilePicker dialogs(Window owner) {
        return new FilePicker() {
            @Override
            public Optional<Path> openFile(String title, String filterName, List<String> patterns) {
                FileChooser chooser = chooser(title, filterName, patterns);
                return path(chooser.showOpenDialog(owner));
            }

            @Override
            public Optional<Path> openFolder(String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return path(chooser.showDialog(owner));
            }

            @Override
            public Optional<Path> saveFile(String title, String initialName, String filterName, List<String> patterns) {
                FileChooser chooser = chooser(title, filterName, patterns);
                chooser.setInitialFileName(initialName);
                return path(chooser.showSaveDialog(owner));
            }

            private FileChooser chooser(String title, String filterName, List<String> patterns) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("*", "*"));
                return chooser;
            }

            private Optional<Path> path(File chosen) {
                return Optional.ofNullable(chosen).map(File::toPath);
            }
        };
    }
}
