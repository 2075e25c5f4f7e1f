package dev.mailvault.ui.transfer;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The small tables of the import and export dialogs: a header row, then one row of labels each. */
final class Grids {
    private Grids() {}

    static GridPane table(String id, List<String> headers) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(14);
        grid.setVgap(4);
        for (int c = 0; c < headers.size(); c++) {
            Label header = new Label(headers.get(c));
            header.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
            header.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.add(header, c, 0);
        }
        return grid;
    }

    /** Adds a row of texts below the last one; returns its row index. */
    static int row(GridPane grid, String... cells) {
        int row = grid.getRowCount();
        for (int c = 0; c < cells.length; c++) {
            Label cell = new Label(cells[c]);
            cell.setWrapText(true);
            cell.setMaxWidth(c == cells.length - 1 ? 300 : 220);
            grid.add(cell, c, row);
        }
        return row;
    }
}
