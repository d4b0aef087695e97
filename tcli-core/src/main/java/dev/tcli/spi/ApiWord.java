package dev.tcli.spi;

import java.util.Arrays;
import java.util.Locale;

/**
 * A fixed set of words an API takes (an impact, an incident status, an urgency), as an enum whose
 * constants are the words upper-cased. One parser, one message for a word that is not in the set.
 */
public interface ApiWord {
    /** The API's word: the constant's name in lower case. */
    default String api() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** What a user typed, any case, as the API's word; null stays null. Unknown: exit 2 naming the choices. */
    static <E extends Enum<E> & ApiWord> String parse(Class<E> type, String typed, String what) {
        if (typed == null) {
            return null;
        }
        String t = typed.trim().toLowerCase(Locale.ROOT);
        if (known(type, t)) {
            return t;
        }
        throw TcliException.usage("unknown " + what + " '" + typed + "': use one of "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(ApiWord::api).toList()));
    }

    /** True when {@code word} is one of the set's words. */
    static <E extends Enum<E> & ApiWord> boolean known(Class<E> type, String word) {
        return word != null && Arrays.stream(type.getEnumConstants()).anyMatch(v -> v.api().equals(word));
    }
}
