package dev.keyline.examples.classify;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpendCsvTest {

    private static SpendSheet read(String text) throws IOException {
        return SpendCsv.read(new StringReader(text));
    }

    @Test
    void readsEveryRowWithItsLineNumber() throws IOException {
        SpendSheet sheet = read("customer,network,month,spend\nC1,KM,2024-01,100\nC2,SZ,2024-02,0.5\n");

        assertThat(sheet.rows()).containsExactly(
                new SpendRow(2, new AccountId("C1"), new LocalNetworkId("KM"), YearMonth.of(2024, 1), Money.cny("100")),
                new SpendRow(3, new AccountId("C2"), new LocalNetworkId("SZ"), YearMonth.of(2024, 2), Money.cny("0.50")));
        assertThat(sheet.window()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2));
        assertThat(sheet.networks()).containsExactly(new LocalNetworkId("KM"), new LocalNetworkId("SZ"));
    }

    @Test
    void toleratesByteOrderMarkCrlfBlankSpaceAndTrailingBlankLines() throws IOException {
        byte[] bytes = "\uFEFFcustomer, network ,month,spend\r\n  C1 ,\tKM, 2024-01 , 12.30 \r\n\r\n   \n"
                .getBytes(StandardCharsets.UTF_8);

        SpendSheet sheet = SpendCsv.read(new ByteArrayInputStream(bytes));

        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.customer()).isEqualTo(new AccountId("C1"));
            assertThat(row.network()).isEqualTo(new LocalNetworkId("KM"));
            assertThat(row.spend()).isEqualTo(Money.cny("12.30"));
        });
    }

    @Test
    void readsDoubleQuotedFields() throws IOException {
        SpendSheet sheet = read("\"customer\",\"network\",month,spend\n \"C1\" ,\"KM\",\"2024-01\",\"7\"\n");

        assertThat(sheet.rows()).singleElement()
                .satisfies(row -> assertThat(row.customer()).isEqualTo(new AccountId("C1")));
    }

    @Test
    void headerOnlyIsAnEmptySheet() throws IOException {
        assertThat(read("customer,network,month,spend\n").rows()).isEmpty();
    }

    @Test
    void keepsRowsOfTheSameCustomerAndMonthApart() throws IOException {
        SpendSheet sheet = read("customer,network,month,spend\nC1,KM,2024-01,1\nC1,KM,2024-01,2\n");

        assertThat(sheet.rows()).extracting(SpendRow::spend).containsExactly(Money.cny("1"), Money.cny("2"));
    }

    static Stream<Arguments> badFiles() {
        String h = "customer,network,month,spend\n";
        return Stream.of(
                Arguments.of("", 1, "the file is empty"),
                Arguments.of("customer,network,month\n", 1, "the header must be customer,network,month,spend"),
                Arguments.of("customer,month,network,spend\n", 1, "the header must be"),
                Arguments.of("Customer,Network,Month,Spend\n", 1, "the header must be"),
                Arguments.of(h + "C1,KM,2024-13,1\n", 2, "month '2024-13' is not a month of the form YYYY-MM"),
                Arguments.of(h + "C1,KM,2024-1,1\n", 2, "month '2024-1' is not a month"),
                Arguments.of(h + "C1,KM,24-01,1\n", 2, "month '24-01' is not a month"),
                Arguments.of(h + "C1,KM,,1\n", 2, "month is empty"),
                Arguments.of(h + "C1,KM,2024-01,1\nC2,KM,2024-01,-5\n", 3, "spend '-5' is negative"),
                Arguments.of(h + "C1,KM,2024-01,-0.01\n", 2, "spend '-0.01' is negative"),
                Arguments.of(h + "C1,KM,2024-01,abc\n", 2, "spend 'abc' is not a plain decimal number"),
                Arguments.of(h + "C1,KM,2024-01,1e3\n", 2, "spend '1e3' is not a plain decimal number"),
                Arguments.of(h + "C1,KM,2024-01,+5\n", 2, "spend '+5' is not a plain decimal number"),
                Arguments.of(h + "C1,KM,2024-01,.5\n", 2, "spend '.5' is not a plain decimal number"),
                Arguments.of(h + "C1,KM,2024-01,1.234\n", 2, "spend '1.234' has more than 2 decimals"),
                Arguments.of(h + "C1,KM,2024-01,\n", 2, "spend is empty"),
                Arguments.of(h + "C1,KM,2024-01,1,000\n", 2, "expected 4 fields"),
                Arguments.of(h + "C1,KM,2024-01\n", 2, "expected 4 fields (customer,network,month,spend) but found 3"),
                Arguments.of(h + ",KM,2024-01,1\n", 2, "customer is empty"),
                Arguments.of(h + "C 1,KM,2024-01,1\n", 2, "customer 'C 1' is not a valid id"),
                Arguments.of(h + "C1,K/M,2024-01,1\n", 2, "network 'K/M' is not a valid id"),
                Arguments.of(h + "C1,KM,2024-01,1\n\nC2,KM,2024-01,1\n", 3, "blank line between rows"),
                Arguments.of(h + "\"C1,KM,2024-01,1\n", 2, "the quoted field 1 is not closed"),
                Arguments.of(h + "C\"1,KM,2024-01,1\n", 2, "field 1 has a double quote inside an unquoted value"),
                Arguments.of(h + "\"C1\"x,KM,2024-01,1\n", 2, "unexpected text after the closing quote of field 1"),
                Arguments.of(h + "C1,KM,2024-01,1\nC2,SZ,2024-01,1\nC1,SZ,2024-02,1\n", 4,
                        "customer C1 is under network SZ here but under KM on line 2"));
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @MethodSource("badFiles")
    void rejectsBadFilesNamingLineAndProblem(String content, int line, String problem) {
        assertThatThrownBy(() -> read(content))
                .isInstanceOfSatisfying(SpendFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).isEqualTo(ReasonCode.MALFORMED_INPUT);
                })
                .hasMessageContaining("line " + line + ": " + problem);
    }

    @Test
    void rejectsBytesThatAreNotUtf8NamingTheLine() {
        byte[] head = "customer,network,month,spend\nC1,KM,2024-01,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'C', '2', (byte) 0xC3, (byte) 0x28, ',', 'K', 'M', ',', '2', '0', '2', '4', '-', '0', '1', ',', '1', '\n'};
        byte[] bytes = new byte[head.length + bad.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);

        assertThatThrownBy(() -> SpendCsv.read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(SpendFileException.class)
                .hasMessageContaining("line 3: is not valid UTF-8");
    }

    @Test
    void sheetRejectsACustomerUnderTwoNetworksWhenBuiltDirectly() {
        SpendRow km = new SpendRow(2, new AccountId("C1"), new LocalNetworkId("KM"), YearMonth.of(2024, 1), Money.zero());
        SpendRow sz = new SpendRow(7, new AccountId("C1"), new LocalNetworkId("SZ"), YearMonth.of(2024, 1), Money.zero());

        assertThatThrownBy(() -> new SpendSheet(List.of(km, sz)))
                .isInstanceOf(SpendFileException.class)
                .hasMessageContaining("line 7: customer C1 is under network SZ here but under KM on line 2");
    }
}
