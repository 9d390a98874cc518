package io.cosmosdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliIO io = new CliIO(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new ByteArrayInputStream(new byte[0]));

    @Test
    void helpListsTheExitStatusesAndTheAppsOwnOptionsAreNotCommands() {
        assertThat(Cli.handles(new String[] {"--help"})).isTrue();
        assertThat(Cli.handles(new String[] {"--connect-emulator"})).isFalse();
        assertThat(Cli.handles(new String[0])).isFalse();
        assertThat(Cli.run(new String[] {"--help"}, io)).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exit status: 0 all done");
    }

    @Test
    void anUnknownCommandIsBadInputWithASentence() {
        assertThat(Cli.handles(new String[] {"exprot", "--database", "retail"})).as("not the window").isTrue();
        assertThat(Cli.run(new String[] {"exprot"}, io)).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command \"exprot\"");
    }

    @Test
    void optionsParseInBothFormsAndUnknownOnesAreNamed() {
        CliArgs args = CliArgs.parse(List.of("--endpoint", "https://x", "--sample=20", "--emulator", "--colour",
                "red"));
        assertThat(args.require("endpoint")).isEqualTo("https://x");
        assertThat(args.intOption("sample", 1000)).isEqualTo(20);
        assertThat(args.flag("emulator")).isTrue();
        assertThatThrownBy(args::rejectUnknown).isInstanceOf(CliException.class).hasMessageContaining("--colour");
    }

    @Test
    void aMissingOrMalformedValueStopsWithBadInput() {
        CliArgs args = CliArgs.parse(List.of("--sample", "many"));
        assertThatThrownBy(() -> args.require("endpoint")).isInstanceOf(CliException.class)
                .hasMessageContaining("--endpoint is required")
                .satisfies(e -> assertThat(((CliException) e).status()).isEqualTo(Cli.BAD_INPUT));
        assertThatThrownBy(() -> args.intOption("sample", 1)).hasMessageContaining("whole number");
    }

    @Test
    void aKeyVariableThatIsNotSetIsNamedAndTheKeyNeverComesFromTheCommandLine() {
        CliArgs args = CliArgs.parse(List.of("--endpoint", "https://localhost:8081", "--key-env", "NO_SUCH_KEY"));
        assertThatThrownBy(() -> CliConnections.open(args, io, "")).isInstanceOf(CliException.class)
                .hasMessageContaining("NO_SUCH_KEY").hasMessageContaining("not set");
    }
}
