package dev.mailvault.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The stream that carries the protocol trace into the command's writer")
class WriterStreamTest {
    @Test
    @DisplayName("keeps a character split across writes whole, and passes lines through")
    void splitCharacter() {
        StringWriter target = new StringWriter();
        PrintStream stream = WriterStream.over(new PrintWriter(target));
        byte[] bytes = "S: * OK 準備完了\n".getBytes(StandardCharsets.UTF_8);
        int middleOfKanji = "S: * OK 準".getBytes(StandardCharsets.UTF_8).length - 1;

        stream.write(bytes, 0, middleOfKanji);
        stream.flush();
        assertThat(target.toString()).isEqualTo("S: * OK ");
        stream.write(bytes, middleOfKanji, bytes.length - middleOfKanji);
        stream.println("C: A1 LOGOUT");

        assertThat(target.toString()).isEqualTo("S: * OK 準備完了\nC: A1 LOGOUT" + System.lineSeparator());
    }
}
