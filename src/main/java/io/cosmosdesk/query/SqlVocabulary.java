package io.cosmosdesk.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The words of Cosmos DB's NoSQL query language: keywords and the system functions, spelled as the
 * documentation spells them (completion inserts that spelling; the language itself ignores case).
 */
public final class SqlVocabulary {

    /** Keywords a query uses (the grammar reserves more words, such as INSERT, that no query accepts). */
    public static final List<String> KEYWORDS = List.of(
            "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "ESCAPE", "AS", "JOIN",
            "VALUE", "TOP", "DISTINCT", "ORDER", "GROUP", "BY", "ASC", "DESC", "OFFSET", "LIMIT", "EXISTS",
            "ARRAY", "UNDEFINED", "NULL", "TRUE", "FALSE", "UDF", "RANK", "Infinity", "NaN");

    /** Every system function of the NoSQL query language (aggregates included), by category as documented. */
    public static final List<String> FUNCTIONS = List.of(
            // aggregates
            "AVG", "COUNT", "MAX", "MIN", "SUM", "CountIf", "MakeList", "MakeSet",
            // array
            "ARRAY_CONCAT", "ARRAY_CONTAINS", "ARRAY_CONTAINS_ALL", "ARRAY_CONTAINS_ANY", "ARRAY_LENGTH",
            "ARRAY_SLICE", "ARRAY_AVG", "ARRAY_MAX", "ARRAY_MEDIAN", "ARRAY_MIN", "ARRAY_SUM", "CHOOSE",
            "ObjectToArray", "SetDifference", "SetEqual", "SetIntersect", "SetUnion",
            // conditional
            "IIF",
            // date and time
            "Ago", "Now", "GetCurrentDateTime", "GetCurrentDateTimeStatic", "GetCurrentTicks",
            "GetCurrentTicksStatic", "GetCurrentTimestamp", "GetCurrentTimestampStatic", "DateTimeAdd",
            "DateTimeBin", "DateTimeDiff", "DateTimeFormat", "DateTimeFromParts", "DateTimePart",
            "DateTimeToTicks", "DateTimeToTimestamp", "TicksToDateTime", "TimestampToDateTime", "Day", "Month",
            "Year",
            // item
            "DocumentId",
            // mathematical
            "ABS", "ACOS", "ASIN", "ATAN", "ATN2", "CEILING", "COS", "COT", "DEGREES", "EXP", "FLOOR", "IntAdd",
            "IntBitAnd", "IntBitLeftShift", "IntBitNot", "IntBitOr", "IntBitRightShift", "IntBitXor", "IntDiv",
            "IntMod", "IntMul", "IntSub", "LOG", "LOG10", "NumberBin", "PI", "POWER", "RADIANS", "RAND", "ROUND",
            "SIGN", "SIN", "SQRT", "SQUARE", "TAN", "TRUNC",
            // spatial
            "ST_AREA", "ST_DISTANCE", "ST_INTERSECTS", "ST_ISVALID", "ST_ISVALIDDETAILED", "ST_WITHIN",
            // string
            "CONCAT", "CONTAINS", "CONTAINS_ALL_CI", "CONTAINS_ALL_CS", "CONTAINS_ANY_CI", "CONTAINS_ANY_CS",
            "ENDSWITH", "INDEX_OF", "LASTINDEXOF", "LEFT", "LENGTH", "LOWER", "LTRIM", "REGEXMATCH", "REPLACE",
            "REPLICATE", "REVERSE", "RIGHT", "RTRIM", "STARTSWITH", "STRINGEQUALS", "StringJoin", "StringSplit",
            "StringToArray", "StringToBoolean", "StringToNull", "StringToNumber", "StringToObject", "SUBSTRING",
            "ToString", "TRIM", "UPPER",
            // type checking
            "IS_ARRAY", "IS_BOOL", "IS_DEFINED", "IS_FINITE_NUMBER", "IS_INTEGER", "IS_NULL", "IS_NUMBER",
            "IS_OBJECT", "IS_PRIMITIVE", "IS_STRING",
            // full-text search and ranking
            "FullTextContains", "FullTextContainsAll", "FullTextContainsAny", "FullTextScore", "RRF",
            // vector
            "VectorDistance");

    private static final Map<String, String> KEYWORD_BY_UPPER = byUpperCase(KEYWORDS);
    private static final Map<String, String> FUNCTION_BY_UPPER = byUpperCase(FUNCTIONS);

    private SqlVocabulary() {
    }

    /** Whether {@code word} is a keyword, in any case. */
    public static boolean isKeyword(CharSequence word) {
        return KEYWORD_BY_UPPER.containsKey(upper(word));
    }

    /** Whether {@code word} names a system function, in any case. */
    public static boolean isFunction(CharSequence word) {
        return FUNCTION_BY_UPPER.containsKey(upper(word));
    }

    private static String upper(CharSequence word) {
        return word.toString().toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> byUpperCase(List<String> words) {
        return words.stream().collect(Collectors.toMap(word -> word.toUpperCase(Locale.ROOT), Function.identity(),
                (a, b) -> a, TreeMap::new));
    }
}
