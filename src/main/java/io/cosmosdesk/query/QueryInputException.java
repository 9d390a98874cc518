package io.cosmosdesk.query;

/** The user's input cannot run as it is (a parameter without a value, a value of the wrong type); says why. */
public final class QueryInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryInputException(String sentence) {
        super(sentence);
    }

    public String userMessage() {
        return getMessage();
    }
}
