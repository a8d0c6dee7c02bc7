package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The race this guards against needs Payara and a backend that answers within microseconds (about 1 in
 * 20,000 calls, see {@link AsyncHandoff}); what the fix relies on is the order of calls, pinned here.
 */
class AsyncHandoffTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void statusIsSettledOnTheRequestThreadBeforeAnyOtherThreadCanAnswer() {
        AsyncContext async = AsyncHandoff.begin(fake(HttpServletRequest.class), fake(HttpServletResponse.class));

        assertThat(async).isNotNull();
        assertThat(calls).containsExactly("HttpServletResponse.setStatus[200]", "HttpServletRequest.startAsync[]",
                "AsyncContext.setTimeout[0]");
    }

    /** A fake that records each call; startAsync returns a recording AsyncContext. */
    private <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.add(type.getSimpleName() + "." + method.getName() + Arrays.toString(args == null ? new Object[0] : args));
            return method.getName().equals("startAsync") ? fake(AsyncContext.class) : null;
        }));
    }
}
