package dev.keyline.examples.allocate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.sla.AllocationShare;
import dev.keyline.domain.sla.CostSplit;
import dev.keyline.domain.sla.PartyAllocation;
import dev.keyline.examples.CliCommand;
import dev.keyline.examples.KeylineCli;
import dev.keyline.examples.ExitStatus;
import dev.keyline.json.SerialisationException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code allocate --amount AMOUNT --shares NAME=WEIGHT,NAME=WEIGHT,...}: splits an amount among
 * named parties by their weights with largest-remainder rounding to the cent
 * ({@link CostSplit#byLargestRemainder}) and prints
 * <pre>{@code
 * {"amount":"1000.00","allocations":[{"party":"group","amount":"100.00"},...]}
 * }</pre>
 * on one line, the allocations in the order the parties were given and every amount a string with
 * two decimals.
 *
 * <p>AMOUNT is a plain decimal, not negative, with at most two decimals ({@code 1000},
 * {@code 1234.5}, {@code 0.05}). Each WEIGHT is a plain positive decimal, with any total. Blanks
 * around a name or a weight are ignored. Bad arguments (no parties, an empty entry, an entry
 * without {@code =}, an empty name, a name given twice, a weight that is not a positive decimal,
 * an amount that is malformed, negative or has more than two decimals) end with exit status 2, a
 * message on stderr naming the option and the fault, and nothing on stdout.
 */
@Command(name = "allocate", sortOptions = false,
        customSynopsis = KeylineCli.PROGRAM + " allocate --amount AMOUNT --shares NAME=WEIGHT,...",
        description = {"Split an amount among parties by weight, rounded to the cent by largest remainder, and print it as JSON",
            "",
            "Splits AMOUNT among the named parties in proportion to their weights and prints the parts as JSON, in "
                    + "the order the parties were given:",
            "  {\"amount\":\"1000.00\",\"allocations\":[{\"party\":\"group\",\"amount\":\"100.00\"},...]}",
            ""},
        footer = {"%nEach part is its exact share rounded down to the cent; the cents left over go one each to the "
                + "largest remainders, ties to the party named earlier. The parts always add up to AMOUNT, and none "
                + "is a cent or more from its exact share.",
            "%nExit status: 0 done; 2 bad arguments (no parties, a duplicate name, a weight not above 0, a malformed "
                    + "amount; message on stderr naming the option, nothing on stdout)."})
public final class AllocateCommand implements CliCommand {

    private static final String AMOUNT = "--amount";
    private static final String SHARES = "--shares";
    private static final Pattern DECIMAL = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d+))?");
    private static final JsonFactory FACTORY = new JsonFactory();

    @Option(names = AMOUNT, paramLabel = "AMOUNT", required = true,
            description = "the amount, not negative, at most 2 decimals (such as 1000 or 1234.56)")
    private String amount;

    @Option(names = SHARES, paramLabel = "NAME=WEIGHT,...", required = true, description = {
        "the parties and their weights: names unique, weights positive decimals with any total (10,10,80 or 1,1,3)"})
    private String shares;

    /** An allocate command. */
    public AllocateCommand() {
    }

    @Override
    public int execute(PrintStream out, PrintStream err) {
        Require.nonNull(out, "out");
        Require.nonNull(err, "err");
        try {
            Money money = amount(amount);
            List<AllocationShare> parsed = shares(shares);
            out.println(json(CostSplit.byLargestRemainder(money, parsed)));
            return ExitStatus.OK;
        } catch (KeylineException e) {
            err.println("keyline allocate: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
    }

    /**
     * Reads AMOUNT: a plain decimal, not negative, with at most two decimals.
     *
     * @param text the option's value
     * @return the amount in CNY
     * @throws InvalidArgumentException naming {@code --amount} when the text is malformed, negative
     *     or has more than two decimals
     */
    static Money amount(String text) {
        Matcher m = DECIMAL.matcher(text);
        if (!m.matches()) {
            throw new InvalidArgumentException(AMOUNT, "must be a plain decimal amount such as 1000 or 1234.56, but was '"
                    + text + "'");
        }
        if (m.group(1).equals("-") && new BigDecimal(text).signum() != 0) {
            throw new InvalidArgumentException(AMOUNT, "must not be negative, but was '" + text + "'");
        }
        if (!m.group(1).isEmpty()) {
            throw new InvalidArgumentException(AMOUNT, "must be written without a sign, but was '" + text + "'");
        }
        if (m.group(3) != null && m.group(3).length() > Money.SCALE) {
            throw new InvalidArgumentException(AMOUNT, "must have at most 2 decimals, but was '" + text + "'");
        }
        return Money.cny(new BigDecimal(m.group(2) + (m.group(3) == null ? "" : "." + m.group(3))));
    }

    /**
     * Reads NAME=WEIGHT,NAME=WEIGHT,...: at least one entry, names unique and not empty, weights
     * plain positive decimals; blanks around names and weights are ignored.
     *
     * @param text the option's value
     * @return the shares, in the order given
     * @throws InvalidArgumentException naming {@code --shares} and the entry at fault
     */
    static List<AllocationShare> shares(String text) {
        if (text.isBlank()) {
            throw new InvalidArgumentException(SHARES, "names no parties; give NAME=WEIGHT,NAME=WEIGHT,...");
        }
        String[] entries = text.split(",", -1);
        List<AllocationShare> shares = new ArrayList<>(entries.length);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i];
            String where = "entry " + (i + 1) + " '" + entry.strip() + "'";
            if (entry.isBlank()) {
                throw new InvalidArgumentException(SHARES, "entry " + (i + 1) + " is empty; give NAME=WEIGHT,NAME=WEIGHT,...");
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new InvalidArgumentException(SHARES, where + " has no '='; each entry is NAME=WEIGHT, such as group=10");
            }
            String name = entry.substring(0, equals).strip();
            String weight = entry.substring(equals + 1).strip();
            if (name.isEmpty()) {
                throw new InvalidArgumentException(SHARES, where + " has no name before '='");
            }
            if (!names.add(name)) {
                throw new InvalidArgumentException(SHARES, "duplicate name '" + name + "' (" + where + ")");
            }
            Matcher m = DECIMAL.matcher(weight);
            if (!m.matches() || m.group(1).equals("+")) {
                throw new InvalidArgumentException(SHARES, "the weight of '" + name + "' must be a positive decimal such as 10 or 0.8, "
                        + "but was '" + weight + "'");
            }
            BigDecimal value = new BigDecimal(weight);
            if (value.signum() <= 0) {
                throw new InvalidArgumentException(SHARES, "the weight of '" + name + "' must be greater than 0, but was '"
                        + weight + "'");
            }
            try {
                shares.add(new AllocationShare(name, value));
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(SHARES, where + " does not give a valid party: " + e.getMessage());
            }
        }
        return shares;
    }

    /**
     * The command's JSON of a split, on one line without a line break.
     *
     * @param split the split
     * @return {@code {"amount":"…","allocations":[{"party":"…","amount":"…"},…]}}
     */
    static String json(CostSplit split) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("amount", split.cost().amount().toPlainString());
            json.writeArrayFieldStart("allocations");
            for (PartyAllocation a : split.allocations()) {
                json.writeStartObject();
                json.writeStringField("party", a.party());
                json.writeStringField("amount", a.amount().amount().toPlainString());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            // a StringWriter does not fail, so this is a bug in the writing
            throw new SerialisationException("writing the allocation JSON failed", e);
        }
        return text.toString();
    }
}
