package dev.mailvault.ui.detail;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The selected account: header, credentials, verification, devices, history, doctor's findings. */
final class DetailView {
    final Label title = new Label();
    final Label subtitle = new Label();
    final Label servers = new Label();
    final Button edit = new Button();
    final Button remove = new Button();
    final VBox credentials = new VBox(6);
    final Button verify = new Button();
    final Button cancelVerify = new Button();
    final ProgressIndicator verifyProgress = new ProgressIndicator();
    final Label verifyStatus = new Label();
    final VBox verifyResults = new VBox(4);
    final VBox recentChecks = new VBox(4);
    final Button addDevice = new Button();
    final VBox devices = new VBox(8);
    final VBox history = new VBox(4);
    final VBox doctor = new VBox(4);
    final VBox doctorSection;
    final VBox content;
    final Label placeholder = new Label();
    final ScrollPane root = new ScrollPane();

    DetailView(Texts texts) {
        title.setId("detailTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        // the address whole, on two lines if need be, never cut to "hanako.demo@do..."
        title.setWrapText(true);
        subtitle.setWrapText(true);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        servers.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        servers.setWrapText(true);
        edit.setId("editAccount");
        edit.setText(texts.get("detail.edit"));
        edit.getStyleClass().add(Styles.SMALL);
        edit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setId("removeAccount");
        remove.setText(texts.get("detail.remove"));
        remove.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox header = new HBox(10, new VBox(2, title, subtitle, servers), new Spacer(), edit, remove);
        header.setAlignment(Pos.TOP_LEFT);

        credentials.setId("credentials");

        verify.setId("verifyNow");
        verify.setText(texts.get("detail.verifyNow"));
        verify.getStyleClass().add(Styles.ACCENT);
        verify.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancelVerify.setId("cancelVerify");
        cancelVerify.setText(texts.get("detail.cancelVerify"));
        cancelVerify.setVisible(false);
        cancelVerify.managedProperty().bind(cancelVerify.visibleProperty());
        verifyProgress.setId("verifyProgress");
        verifyProgress.setPrefSize(20, 20);
        verifyProgress.setVisible(false);
        verifyProgress.managedProperty().bind(verifyProgress.visibleProperty());
        verifyStatus.setId("verifyStatus");
        verifyStatus.getStyleClass().add(Styles.TEXT_MUTED);
        HBox verifyBar = new HBox(8, verify, cancelVerify, verifyProgress, verifyStatus);
        verifyBar.setAlignment(Pos.CENTER_LEFT);
        verifyResults.setId("verifyResults");
        recentChecks.setId("recentChecks");

        addDevice.setId("addDevice");
        addDevice.setText(texts.get("detail.addDevice"));
        addDevice.getStyleClass().add(Styles.SMALL);
        addDevice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        devices.setId("devices");
        history.setId("history");
        doctor.setId("doctor");
        doctorSection = section(texts.get("detail.doctor"), null, doctor);

        content = new VBox(
                14,
                header,
                section(texts.get("detail.credentials"), null, credentials),
                section(texts.get("detail.checks"), null, new VBox(8, verifyBar, verifyResults, recentChecks)),
                section(texts.get("detail.devices"), addDevice, devices),
                doctorSection,
                section(texts.get("detail.history"), null, history));
        content.setPadding(new Insets(16));
        content.setId("detailContent");

        placeholder.setText(texts.get("detail.none"));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setPadding(new Insets(24));
        root.setFitToWidth(true);
        root.setContent(placeholder);
    }

    private static VBox section(String name, Node action, Node body) {
        Label heading = new Label(name);
        heading.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        HBox top = action == null ? new HBox(heading) : new HBox(10, heading, new Spacer(), action);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, new Separator(), top, body);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    void showContent(boolean shown) {
        root.setContent(shown ? content : placeholder);
    }
}
