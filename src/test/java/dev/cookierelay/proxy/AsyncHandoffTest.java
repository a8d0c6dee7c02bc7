package dev.cookierelay.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private boolean asyncSupported = true;

    @Test
    void statusIsSettledOnTheRequestThreadBeforeAnyOtherThreadCanAnswer() {
        AsyncContext async = AsyncHandoff.begin(fake(HttpServletRequest.class), fake(HttpServletResponse.class));

        assertThat(async).isNotNull();
        assertThat(calls).containsExactly("HttpServletRequest.isAsyncSupported[]", "HttpServletResponse.setStatus[200]",
                "HttpServletRequest.startAsync[]", "AsyncContext.setTimeout[0]");
    }

    @Test
    void behindAFilterThatIsNotAsyncSupportedTheRelayAnswersA500OfItsOwnInsteadOfStarting() {
        asyncSupported = false;

        assertThatThrownBy(() -> AsyncHandoff.begin(fake(HttpServletRequest.class), fake(HttpServletResponse.class)))
                .isInstanceOfSatisfying(RelayRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(500);
                    assertThat(rejection.getMessage()).isEqualTo(AsyncHandoff.NOT_ASYNC);
                });
        assertThat(calls).containsExactly("HttpServletRequest.isAsyncSupported[]");
    }

    /** A fake that records each call; startAsync returns a recording AsyncContext. */
    private <T> T fake(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.add(type.getSimpleName() + "." + method.getName() + Arrays.toString(args == null ? new Object[0] : args));
            return switch (method.getName()) {
                case "startAsync" -> fake(AsyncContext.class);
                case "isAsyncSupported" -> asyncSupported;
                default -> null;
            };
        }));
    }
}
