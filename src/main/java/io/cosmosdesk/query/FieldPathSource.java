package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.List;

/**
 * The field paths of a container's items, for query completion ({@code c.customer.address.city}). Called on a
 * background thread; may block on the database; should cache. The elements of an array of objects appear under
 * the segment {@link #ARRAY_ELEMENT}: {@code lines / [] / sku} is the {@code sku} of each line.
 */
@FunctionalInterface
public interface FieldPathSource {

    /** The segment standing for every element of an array. */
    String ARRAY_ELEMENT = "[]";

    /** The first segment of a path naming one of the container's user-defined functions, offered after {@code udf.}. */
    String UDF = "udf()";

    List<JsonPath> fieldPaths(ContainerHandle container) throws Exception;
}
