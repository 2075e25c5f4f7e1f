package dev.mailvault.ui.verify;

import dev.mailvault.core.VaultSession;
import dev.mailvault.core.account.Address;
import dev.mailvault.core.provider.ProviderCatalog;
import dev.mailvault.core.verify.Cancellation;
import dev.mailvault.core.verify.CredentialCheck;
import dev.mailvault.core.verify.LoginChecker;
import dev.mailvault.core.verify.VerifyOptions;
import dev.mailvault.core.verify.VerifyRunner;
import dev.mailvault.core.verify.VerifyService;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Logs in to one account's servers, or every account's ({@link #all}), in the background through
 * the core's {@link VerifyService} (pending values first, promotion on success, results recorded).
 * Each result reaches {@code onResult} on the FX thread as soon as it arrives; {@link #cancel()}
 * aborts the logins in flight.
 */
public final class VerifyTask extends Task<VerifyService.Report> {
    private final VaultSession session;
    private final ProviderCatalog catalog;
    private final Clock clock;
    private final VerifyService.Request request;
    private final Consumer<CredentialCheck> onResult;
    private final Cancellation cancellation = new Cancellation();

    public VerifyTask(
            VaultSession session,
            ProviderCatalog catalog,
            Clock clock,
            Address address,
            Consumer<CredentialCheck> onResult) {
        // naming the account is the user asking for it: lockout protection is for "verify all"
        this(
                session,
                catalog,
                clock,
                new VerifyService.Request(
                        List.of(address), false, VerifyRunner.DEFAULT_PARALLEL, VerifyRunner.DEFAULT_PER_HOST),
                onResult);
    }

    private VerifyTask(
            VaultSession session,
            ProviderCatalog catalog,
            Clock clock,
            VerifyService.Request request,
            Consumer<CredentialCheck> onResult) {
        this.session = session;
        this.catalog = catalog;
        this.clock = clock;
        this.request = request;
        this.onResult = onResult;
    }

    /**
     * Every account, with the request {@code vault verify --all} makes: not forced, so the core
     * skips a credential whose login failed within {@link VerifyService#LOCKOUT_WINDOW}.
     */
    public static VerifyTask all(
            VaultSession session, ProviderCatalog catalog, Clock clock, Consumer<CredentialCheck> onResult) {
        return new VerifyTask(
                session,
                catalog,
                clock,
                new VerifyService.Request(
                        List.of(), false, VerifyRunner.DEFAULT_PARALLEL, VerifyRunner.DEFAULT_PER_HOST),
                onResult);
    }

    @Override
    protected VerifyService.Report call() throws InterruptedException {
        AtomicInteger planned = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        try (LoginChecker checker = LoginChecker.jakartaMail(VerifyOptions.defaults(clock))) {
            VerifyService service = new VerifyService(session, catalog, checker, clock);
            return service.verify(
                    request,
                    new VerifyService.Listener() {
                        @Override
                        public void planned(int checks) {
                            planned.set(checks);
                            updateProgress(0, checks);
                        }

                        @Override
                        public void checked(CredentialCheck check) {
                            updateProgress(done.incrementAndGet(), Math.max(planned.get(), 1));
                            Platform.runLater(() -> onResult.accept(check));
                        }
                    },
                    cancellation);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        cancellation.cancel();
        return super.cancel(mayInterruptIfRunning);
    }
}
