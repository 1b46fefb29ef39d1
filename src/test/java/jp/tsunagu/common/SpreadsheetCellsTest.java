package jp.tsunagu.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void onlyLeadingFormulaCharactersAreDefused() {
        assertThat(SpreadsheetCells.inert("+81")).isEqualTo("'+81");
        assertThat(SpreadsheetCells.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.inert("-1")).isEqualTo("'-1");
        assertThat(SpreadsheetCells.inert("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetCells.inert("sato=1")).isEqualTo("sato=1");
        assertThat(SpreadsheetCells.inert(null)).isNull();
        assertThat(SpreadsheetCells.inert("")).isEmpty();
    }
}
