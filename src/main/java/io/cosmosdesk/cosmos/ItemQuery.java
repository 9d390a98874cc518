package io.cosmosdesk.cosmos;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Items tab asks for: the filter the user typed (it runs as typed after {@code SELECT * FROM c}),
 * or conditions built from UI fields (always parameterized), and an optional server-side sort.
 *
 * @param filter text after {@code SELECT * FROM c}, e.g. {@code WHERE c.status = "paid"}; blank for all items.
 *        Text that does not start with a clause keyword gets {@code WHERE } in front.
 * @param sort server-side ORDER BY on one path; ignored when the filter has its own ORDER BY
 * @param conditions equality conditions from UI fields, sent as {@code @p0, @p1 …} parameters
 * @param parameters values of the {@code @names} the filter uses (see {@link GridFilter}); only those it uses are kept
 */
public record ItemQuery(String filter, Sort sort, List<Condition> conditions, List<GridFilter.Parameter> parameters) {

    /** Sort on the server by one path. */
    public record Sort(JsonPath path, boolean descending) {
        public Sort {
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@code path = value}; value is a String, Number, Boolean or null. */
    public record Condition(JsonPath path, Object value) {
        public Condition {
            Objects.requireNonNull(path, "path");
        }
    }

    private static final Pattern CLAUSE_START = Pattern.compile(
            "^(WHERE|ORDER\\s+BY|JOIN|OFFSET)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

    public ItemQuery {
        filter = normalise(filter);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        if (!filter.isEmpty() && !conditions.isEmpty()) {
            throw new IllegalArgumentException("Use either a typed filter or field conditions, not both.");
        }
        parameters = new GridFilter(filter, parameters).referenced();
    }

    public ItemQuery(String filter, Sort sort, List<Condition> conditions) {
        this(filter, sort, conditions, List.of());
    }

    public static ItemQuery all() {
        return new ItemQuery("", null, List.of());
    }

    public static ItemQuery filtered(String filter) {
        return new ItemQuery(filter, null, List.of());
    }

    /** A filter whose {@code @names} are sent as parameters. */
    public static ItemQuery filtered(GridFilter filter) {
        return new ItemQuery(filter.text(), null, List.of(), filter.parameters());
    }

    /** The typed filter with the values it uses. */
    public GridFilter gridFilter() {
        return new GridFilter(filter, parameters);
    }

    public static ItemQuery where(JsonPath path, Object value) {
        return new ItemQuery("", null, List.of(new Condition(path, value)));
    }

    public ItemQuery withSort(Sort newSort) {
        return new ItemQuery(filter, newSort, conditions, parameters);
    }

    /** True when the typed filter brings its own ORDER BY, so a column sort cannot be added. */
    public boolean filterHasOrderBy() {
        return indexOfOrderBy(filter) >= 0;
    }

    /** The sort that will actually be applied; null when none or when the filter orders itself. */
    public Sort effectiveSort() {
        return filterHasOrderBy() ? null : sort;
    }

    public SqlQuerySpec toSqlQuerySpec() {
        StringBuilder sql = new StringBuilder("SELECT * FROM c");
        List<SqlParameter> parameters = new ArrayList<>();
        appendWhere(sql, parameters, filter);
        Sort applied = effectiveSort();
        if (applied != null) {
            sql.append(" ORDER BY ").append(applied.path().toSqlExpression()).append(applied.descending() ? " DESC" : " ASC");
        }
        return new SqlQuerySpec(sql.toString(), parameters);
    }

    /** The same selection, counted: {@code SELECT VALUE COUNT(1) FROM c …} without any ORDER BY. */
    public SqlQuerySpec toCountSpec() {
        StringBuilder sql = new StringBuilder("SELECT VALUE COUNT(1) FROM c");
        List<SqlParameter> parameters = new ArrayList<>();
        int orderBy = indexOfOrderBy(filter);
        appendWhere(sql, parameters, orderBy >= 0 ? filter.substring(0, orderBy).strip() : filter);
        return new SqlQuerySpec(sql.toString(), parameters);
    }

    private void appendWhere(StringBuilder sql, List<SqlParameter> parameters, String typed) {
        if (!typed.isEmpty()) {
            sql.append(' ').append(typed);
            parameters.addAll(new GridFilter(typed, this.parameters).toSqlParameters());
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String name = "@p" + i;
            sql.append(i == 0 ? " WHERE " : " AND ").append(condition.path().toSqlExpression());
            if (condition.value() == null) {
                sql.append(" = null");
            } else {
                sql.append(" = ").append(name);
                parameters.add(new SqlParameter(name, condition.value()));
            }
        }
    }

    /** Trims, drops a trailing semicolon and a leading {@code SELECT * FROM c} pasted by habit, adds WHERE if missing. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String filter = text.strip();
        while (filter.endsWith(";")) {
            filter = filter.substring(0, filter.length() - 1).strip();
        }
        Matcher select = Pattern.compile("^SELECT\\s+\\*\\s+FROM\\s+c\\b", Pattern.CASE_INSENSITIVE).matcher(filter);
        if (select.find()) {
            filter = filter.substring(select.end()).strip();
        }
        if (!filter.isEmpty() && !CLAUSE_START.matcher(filter).find()) {
            filter = "WHERE " + filter;
        }
        return filter;
    }

    /** Where a top-level ORDER BY starts, ignoring text inside string literals; -1 when none. */
    static int indexOfOrderBy(String text) {
        String blanked = blankStringLiterals(text);
        Matcher matcher = ORDER_BY.matcher(blanked);
        return matcher.find() ? matcher.start() : -1;
    }

    private static String blankStringLiterals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == '\\' && i + 1 < text.length()) {
                    out.append("  ");
                    i++;
                    continue;
                }
                if (ch == quote) {
                    quote = 0;
                    out.append(ch);
                } else {
                    out.append(' ');
                }
            } else {
                if (ch == '"' || ch == '\'') {
                    quote = ch;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** How the applied query reads in the UI, e.g. {@code WHERE c.status = "paid"} or {@code … = @v  (@v = "paid")}. */
    public String describe() {
        if (!filter.isEmpty()) {
            return gridFilter().describe();
        }
        if (conditions.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Condition condition : conditions) {
            Object value = condition.value();
            parts.add(condition.path() + " = " + (value instanceof String s ? "\"" + s + "\"" : String.valueOf(value)));
        }
        return "WHERE " + String.join(" AND ", parts);
    }
}
