package dev.mailvault.ui.rotation;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Four steps: where to change it, the new value, verify, devices. */
final class RotationWizardView {
    final Label title = new Label();
    final Label subtitle = new Label();
    final Label[] stepLabels = new Label[4];
    final VBox[] steps = new VBox[4];

    // 1: the provider's page and steps
    final Label providerLine = new Label();
    final Hyperlink portalLink = new Hyperlink();
    final VBox portalSteps = new VBox(4);
    final Label providerNote = new Label();

    // 2: the new value
    final ToggleGroup how = new ToggleGroup();
    final RadioButton generate = new RadioButton();
    final Spinner<Integer> length = new Spinner<>(8, 128, 20);
    final Label generateRefused = new Label();
    final RadioButton paste = new RadioButton();
    final PasswordField newValue = new PasswordField();
    final Button store = new Button();
    final Label stored = new Label();
    final Button copyPending = new Button();

    // 3: verify
    final Label verifyIntro = new Label();
    final Button verify = new Button();
    final Button promoteUnverified = new Button();
    final ProgressIndicator verifying = new ProgressIndicator();
    final VBox results = new VBox(4);
    final Label verdict = new Label();

    // 4: devices
    final VBox devices = new VBox(8);
    final Label noDevices = new Label();

    final Label problem = new Label();
    final Button abandon = new Button();
    final Button back = new Button();
    final Button next = new Button();
    final Button close = new Button();
    final VBox root;

    RotationWizardView(Texts texts) {
        title.getStyleClass().add(Styles.TITLE_3);
        title.setId("rotationTitle");
        title.setWrapText(true);
        HBox indicator = new HBox(16);
        for (int i = 0; i < 4; i++) {
            stepLabels[i] = new Label((i + 1) + ". " + texts.get("rotation.step." + (i + 1)));
            stepLabels[i].getStyleClass().add("wizard-step");
            indicator.getChildren().add(stepLabels[i]);
        }

        providerLine.setWrapText(true);
        portalLink.setId("portalLink");
        portalSteps.getStyleClass().add("steps");
        portalSteps.setId("portalSteps");
        providerNote.setWrapText(true);
        providerNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        steps[0] = new VBox(10, providerLine, portalLink, portalSteps, providerNote);

        generate.setId("rotationGenerate");
        generate.setText(texts.get("rotation.generate"));
        generate.setToggleGroup(how);
        length.setId("rotationLength");
        length.setPrefWidth(90);
        generateRefused.setWrapText(true);
        generateRefused.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        paste.setId("rotationPaste");
        paste.setText(texts.get("rotation.paste"));
        paste.setToggleGroup(how);
        newValue.setId("rotationNewValue");
        newValue.setPromptText(texts.get("rotation.newValuePrompt"));
        store.setId("rotationStore");
        store.setText(texts.get("rotation.store"));
        store.getStyleClass().add(Styles.ACCENT);
        stored.setId("rotationStored");
        stored.setWrapText(true);
        stored.getStyleClass().add(Styles.SUCCESS);
        copyPending.setId("rotationCopy");
        copyPending.setText(texts.get("rotation.copyNew"));
        copyPending.getStyleClass().add(Styles.SMALL);
        copyPending.setVisible(false);
        // its whole label, not "..." beside a two-line message: the message wraps instead
        copyPending.setMinWidth(Region.USE_PREF_SIZE);
        HBox generateLine = new HBox(10, generate, length, new Label(texts.get("rotation.characters")));
        generateLine.setAlignment(Pos.CENTER_LEFT);
        HBox storedLine = new HBox(10, stored, copyPending);
        storedLine.setAlignment(Pos.CENTER_LEFT);
        steps[1] = new VBox(10, generateLine, generateRefused, paste, newValue, store, storedLine);

        verifyIntro.setWrapText(true);
        verify.setId("rotationVerify");
        verify.setText(texts.get("rotation.verify"));
        verify.getStyleClass().add(Styles.ACCENT);
        promoteUnverified.setId("rotationPromoteUnverified");
        promoteUnverified.setText(texts.get("rotation.promoteUnverified"));
        verifying.setPrefSize(20, 20);
        verifying.setVisible(false);
        results.setId("rotationResults");
        verdict.setId("rotationVerdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add(Styles.TEXT_BOLD);
        HBox verifyLine = new HBox(10, verify, promoteUnverified, verifying);
        verifyLine.setAlignment(Pos.CENTER_LEFT);
        steps[2] = new VBox(10, verifyIntro, verifyLine, results, verdict);

        devices.setId("rotationDevices");
        noDevices.setText(texts.get("rotation.noDevices"));
        noDevices.setWrapText(true);
        noDevices.getStyleClass().add(Styles.TEXT_MUTED);
        steps[3] = new VBox(10, new Label(texts.get("rotation.devicesIntro")), devices);

        StackPane body = new StackPane(steps);
        for (VBox step : steps) {
            step.setFillWidth(true);
            step.managedProperty().bind(step.visibleProperty());
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(330);
        scroll.setPrefViewportWidth(600);

        problem.setId("rotationProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        abandon.setId("rotationAbandon");
        abandon.setText(texts.get("rotation.abandon"));
        abandon.getStyleClass().add(Styles.DANGER);
        back.setId("rotationBack");
        back.setText(texts.get("rotation.back"));
        next.setId("rotationNext");
        next.setText(texts.get("rotation.next"));
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        close.setId("rotationClose");
        close.setText(texts.get("rotation.close"));
        close.setCancelButton(true);
        HBox buttons = new HBox(8, abandon, new Spacer(), close, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        subtitle.setId("rotationSubtitle");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        root = new VBox(14, new VBox(2, title, subtitle), indicator, scroll, problem, buttons);
        root.setId("rotationWizard");
        root.setPrefWidth(660);
    }
}
