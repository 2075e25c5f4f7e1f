package dev.mailvault.ui.accounts;

import atlantafx.base.theme.Styles;
import dev.mailvault.core.BadInputException;
import dev.mailvault.core.provider.Provider;
import dev.mailvault.core.remind.RotationPolicy;
import dev.mailvault.ui.common.Formats;
import dev.mailvault.ui.common.Texts;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Add or edit an account: address, provider, servers, logins, passwords, policy. */
final class AccountFormView {
    final Label title = new Label();
    final TextField address = new TextField();
    final TextField displayName = new TextField();
    final ComboBox<Provider> provider = new ComboBox<>();
    final Label providerNote = new Label();
    final TextField imap = new TextField();
    final TextField smtp = new TextField();
    final TextField login = new TextField();
    final TextField smtpLogin = new TextField();
    final CheckBox smtpSame = new CheckBox();
    final Label imapPasswordLabel = new Label();
    final PasswordField imapPassword = new PasswordField();
    final Label smtpPasswordLabel = new Label();
    final PasswordField smtpPassword = new PasswordField();
    final ComboBox<String> policy = new ComboBox<>();
    final TextArea caCert = new TextArea();
    final Label problem = new Label();
    final Button save = new Button();
    final Button cancel = new Button();
    final VBox root;

    AccountFormView(Texts texts) {
        title.getStyleClass().add(Styles.TITLE_3);
        address.setId("formAddress");
        address.setPromptText("name@example.jp");
        displayName.setId("formDisplayName");
        provider.setId("formProvider");
        provider.setMaxWidth(Double.MAX_VALUE);
        providerNote.setId("formProviderNote");
        providerNote.setWrapText(true);
        providerNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        // every line of the provider's advice (which password to enter, unconfirmed settings), not
        // "... 使う前にプロバ..." when the window is low: the CA field gives way instead
        providerNote.setMinHeight(Region.USE_PREF_SIZE);
        imap.setId("formImap");
        imap.setPromptText("imap.example.jp:993");
        smtp.setId("formSmtp");
        smtp.setPromptText("smtp.example.jp:465");
        login.setId("formLogin");
        login.setPromptText(texts.get("form.loginDefault"));
        smtpLogin.setId("formSmtpLogin");
        smtpLogin.setPromptText(texts.get("form.smtpLoginDefault"));
        smtpSame.setId("formSmtpSame");
        smtpSame.setText(texts.get("form.smtpSame"));
        smtpSame.setSelected(true);
        imapPassword.setId("formImapPassword");
        smtpPassword.setId("formSmtpPassword");
        policy.setId("formPolicy");
        policy.getItems().addAll("3m", "6m", "12m", "never");
        policy.setEditable(true);
        // shown in words ("every 6 months", 「6 か月ごと」), stored as the spec; a typed spec (90d) is kept
        policy.setConverter(new StringConverter<>() {
            @Override
            public String toString(String spec) {
                try {
                    return spec == null ? "" : Formats.policy(texts, RotationPolicy.parse(spec));
                } catch (BadInputException e) {
                    return spec;
                }
            }

            @Override
            public String fromString(String text) {
                // a listed choice, or the typed spec the field already shows in words ("every 90 days")
                String shown = text == null ? "" : text.strip();
                for (String spec : policy.getItems()) {
                    if (toString(spec).equals(shown)) {
                        return spec;
                    }
                }
                String value = policy.getValue();
                return value != null && toString(value).equals(shown) ? value : text;
            }
        });
        policy.setValue("6m");
        caCert.setId("formCaCert");
        caCert.setPromptText("-----BEGIN CERTIFICATE-----");
        caCert.setPrefRowCount(3);
        caCert.setPrefColumnCount(30);
        problem.setId("formProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setMaxWidth(480);
        // all of its lines, also when the window is too low for the whole form: the fields give way
        problem.setMinHeight(Region.USE_PREF_SIZE);
        save.setId("formSave");
        save.setText(texts.get("form.save"));
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        cancel.setId("formCancel");
        cancel.setText(texts.get("form.cancel"));
        cancel.setCancelButton(true);

        imapPasswordLabel.setText(texts.get("form.imapPassword"));
        smtpPasswordLabel.setText(texts.get("form.smtpPassword"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setPrefWidth(330);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        grid.addRow(row++, new Label(texts.get("form.address")), address);
        grid.addRow(row++, new Label(texts.get("form.displayName")), displayName);
        grid.addRow(row++, new Label(texts.get("form.provider")), provider);
        grid.add(providerNote, 1, row++);
        grid.addRow(row++, new Label(texts.get("form.imap")), imap);
        grid.addRow(row++, new Label(texts.get("form.smtp")), smtp);
        grid.addRow(row++, new Label(texts.get("form.login")), login);
        grid.addRow(row++, new Label(texts.get("form.smtpLogin")), smtpLogin);
        grid.add(smtpSame, 1, row++);
        grid.addRow(row++, imapPasswordLabel, imapPassword);
        grid.addRow(row++, smtpPasswordLabel, smtpPassword);
        grid.addRow(row++, new Label(texts.get("form.policy")), policy);
        grid.addRow(row, new Label(texts.get("form.caCert")), caCert);

        HBox buttons = new HBox(8, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        // the fields scroll when the window is too low for them all (a long provider note): the
        // message and the buttons stay in view
        ScrollPane fieldsPane = new ScrollPane(grid);
        fieldsPane.setId("formFields");
        fieldsPane.setFitToWidth(true);
        fieldsPane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        fieldsPane.getStyleClass().add("edge-to-edge");
        fieldsPane.prefViewportHeightProperty().bind(grid.heightProperty());
        fieldsPane.setMinHeight(120);
        VBox.setVgrow(fieldsPane, Priority.ALWAYS);
        root = new VBox(14, title, fieldsPane, problem, buttons);
        root.setId("accountForm");
    }
}
