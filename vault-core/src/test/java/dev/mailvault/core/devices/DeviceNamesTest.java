package dev.mailvault.core.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A device's name")
class DeviceNamesTest {
    @Test
    @DisplayName("is 1 to 100 printable characters, kept without surrounding spaces")
    void allowed() {
        assertThat(DeviceNames.check("  Taro's iPhone ")).isEqualTo("Taro's iPhone");
        assertThat(DeviceNames.check("端".repeat(100))).hasSize(100);
    }

    @Test
    @DisplayName("empty, longer than 100 characters or with a control character is refused, saying what is allowed")
    void refused() {
        for (String name : new String[] {null, "", "   ", "x".repeat(101), "Office\tPC", "PC\u0000"}) {
            assertThatThrownBy(() -> DeviceNames.check(name))
                    .as(String.valueOf(name))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("a device name must be 1 to 100 printable characters");
        }
    }

    @Test
    @DisplayName("is the same device's whatever its case, as the vault compares them")
    void same() {
        assertThat(DeviceNames.same("iPhone", " IPHONE")).isTrue();
        assertThat(DeviceNames.same("iPhone", "iPad")).isFalse();
    }
}
