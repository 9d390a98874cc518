package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV report: RFC 4180 (through Commons CSV), and never a formula a spreadsheet would run. */
class MoveReportWriterTest {

    private static MoveReport report(MoveReport.ItemResult... items) {
        return new MoveReport("j1", MoveReport.Status.COMPLETED, "Done.", List.of(items), Duration.ZERO, 0,
                Path.of("j1.jsonl"));
    }

    @Test
    void cellsWithCommasQuotesAndLineBreaksAreQuotedAndRecordsEndWithCrLf() {
        String csv = MoveReportWriter.toCsv(report(
                new MoveReport.ItemResult("a,1", "\"p\"", "\"q\"", MoveOutcome.MOVED, ""),
                new MoveReport.ItemResult("b", "\"p\"", "\"q\"", MoveOutcome.FAILED, "line one\nline two")));

        assertThat(csv).isEqualTo("id,source,target,outcome,description,reason\r\n"
                + "\"a,1\",\"\"\"p\"\"\",\"\"\"q\"\"\",MOVED,Moved,\r\n"
                + "b,\"\"\"p\"\"\",\"\"\"q\"\"\",FAILED,Failed,\"line one\nline two\"\r\n");
    }

    @Test
    void aCellThatWouldRunAsAFormulaIsDefused() {
        String csv = MoveReportWriter.toCsv(report(
                new MoveReport.ItemResult("=HYPERLINK(\"x\")", "+1", "-2", MoveOutcome.MOVED, "@SUM(A1)")));

        assertThat(csv.split("\r\n")[1]).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,MOVED,Moved,'@SUM(A1)");
    }
}
