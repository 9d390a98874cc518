package io.cosmosdesk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.json.Json;
import java.math.BigDecimal;
import java.util.Locale;

/** What a query parameter's typed text means; the value is sent as a {@code SqlParameter}, never spliced. */
public enum ParameterType {
    TEXT("text"),
    NUMBER("number"),
    BOOLEAN("true/false"),
    NULL("null"),
    JSON("JSON");

    private final String label;

    ParameterType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The value {@code text} stands for, as the SDK serialises it: a String, a Number, a Boolean, null or a Jackson
     * tree.
     *
     * @throws QueryInputException with a sentence naming the parameter when the text is not a value of this type
     */
    public Object toValue(String name, String text) {
        String trimmed = text == null ? "" : text.strip();
        return switch (this) {
            case TEXT -> text == null ? "" : text;
            case NULL -> null;
            case NUMBER -> {
                try {
                    BigDecimal number = new BigDecimal(trimmed);
                    if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                        yield number.longValueExact();
                    }
                    yield number.doubleValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new QueryInputException("Parameter " + name + " is a number, but \"" + trimmed
                            + "\" is not one (use digits, a dot and an optional exponent, e.g. 42 or -3.5e2).");
                }
            }
            case BOOLEAN -> switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new QueryInputException("Parameter " + name
                        + " is true/false, but its value is \"" + trimmed + "\": type true or false.");
            };
            case JSON -> {
                try {
                    JsonNode node = Json.MAPPER.readTree(trimmed);
                    if (node == null || node.isMissingNode()) {
                        throw new QueryInputException("Parameter " + name + " is JSON, but its value is empty.");
                    }
                    yield node;
                } catch (JsonProcessingException e) {
                    throw new QueryInputException("Parameter " + name + " is JSON, but its value is not valid JSON ("
                            + e.getOriginalMessage() + ").");
                }
            }
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
