package io.cosmosdesk.testing;

import io.cosmosdesk.ui.Choice;
import io.cosmosdesk.ui.Choices;
import java.util.List;
import org.mockito.ArgumentMatcher;
import org.mockito.ArgumentMatchers;

/** Mockito matchers for the typed answers a view-model offers in a dialog. */
public final class ChoiceMatchers {

    private ChoiceMatchers() {
    }

    /** Matches {@link Choices} offering exactly {@code expected}, in that order. */
    @SafeVarargs
    public static <C extends Enum<C> & Choice> Choices<C> offering(C... expected) {
        List<C> choices = List.of(expected);
        return ArgumentMatchers.argThat(new ArgumentMatcher<Choices<C>>() {
            @Override
            public boolean matches(Choices<C> actual) {
                return actual != null && actual.all().equals(choices);
            }

            @Override
            public String toString() {
                return "choices " + choices;
            }
        });
    }
}
