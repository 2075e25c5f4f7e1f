package dev.mailvault.core.verify;

import static dev.mailvault.core.verify.ScriptedServer.hold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailvault.core.BadInputException;
import dev.mailvault.core.account.Endpoint;
import dev.mailvault.core.account.Security;
import dev.mailvault.core.crypto.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The verify runner")
class VerifyRunnerTest {
    private final List<Secret> secrets = new ArrayList<>();
    private Set<Thread> threadsBefore;

    @BeforeEach
    void countThreads() {
        threadsBefore = liveThreads();
    }

    @AfterEach
    void wipeAndCheckThreads() throws InterruptedException {
        secrets.forEach(Secret::close);
        Set<Thread> added = liveThreads();
        added.removeAll(threadsBefore);
        for (Thread t : added) {
            t.join(2000);
        }
        added.removeIf(t -> !t.isAlive());
        assertThat(added).as("threads left running").isEmpty();
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(t -> !t.isAlive());
        return threads;
    }

    private Secret secret(String value) {
        Secret s = Secret.copyOf(value.toCharArray());
        secrets.add(s);
        return s;
    }

    /** Counts checks in flight per host around a real checker, remembering the highest counts. */
    static final class CountingChecker implements LoginChecker {
        private final LoginChecker delegate;
        private final Map<String, Integer> active = new HashMap<>();
        private final Map<String, Integer> highest = new HashMap<>();
        private int activeTotal;
        private int highestTotal;

        CountingChecker(LoginChecker delegate) {
            this.delegate = delegate;
        }

        @Override
        public CheckResult check(VerifyTarget target, CheckResult.Slot slot, Cancellation cancellation) {
            String host = target.endpoint().host();
            synchronized (this) {
                int now = active.merge(host, 1, Integer::sum);
                highest.merge(host, now, Math::max);
                highestTotal = Math.max(highestTotal, ++activeTotal);
            }
            try {
                return delegate.check(target, slot, cancellation);
            } finally {
                synchronized (this) {
                    active.merge(host, -1, Integer::sum);
                    activeTotal--;
                }
            }
        }

        synchronized int highest(String host) {
            return highest.getOrDefault(host, 0);
        }

        synchronized int highestTotal() {
            return highestTotal;
        }
    }

    @Nested
    @DisplayName("against GreenMail with 50 users")
    class ManyUsers {
        @Test
        @DisplayName("gives exactly the expected outcome for every job, in order, never over 4 per host")
        void fiftyUsers() throws Exception {
            try (GreenMailServer server = new GreenMailServer();
                    LoginChecker real =
                            LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(10), Clock.systemUTC()))) {
                server.assumeLoopbackCertificate();
                List<VerifyJob> jobs = new ArrayList<>();
                Map<String, Outcome> expected = new HashMap<>();
                for (int i = 0; i < 50; i++) {
                    String login = String.format("user%02d@example.jp", i);
                    server.user(login, "pw-" + i);
                    boolean wrong = i % 7 == 3;
                    Secret password = secret(wrong ? "not-pw-" + i : "pw-" + i);
                    for (Protocol protocol : Protocol.values()) {
                        String key = login + " " + protocol.id();
                        jobs.add(new VerifyJob(
                                key,
                                new VerifyTarget(
                                        protocol,
                                        server.endpoint(protocol, "127.0.0.1"),
                                        login,
                                        password,
                                        server.trustRoot(),
                                        ProviderRules.NONE),
                                CheckResult.Slot.CURRENT));
                        expected.put(key, wrong ? Outcome.AUTH_FAILED : Outcome.OK);
                    }
                }
                CountingChecker counting = new CountingChecker(real);
                List<JobResult> heard = Collections.synchronizedList(new ArrayList<>());
                List<VerifyJob> started = Collections.synchronizedList(new ArrayList<>());
                VerifyListener listener = new VerifyListener() {
                    @Override
                    public void started(VerifyJob job) {
                        started.add(job);
                    }

                    @Override
                    public void finished(JobResult result) {
                        heard.add(result);
                    }
                };

                List<JobResult> results = new VerifyRunner(counting, 16, 4, Clock.systemUTC()).run(jobs, listener);

                assertThat(results).extracting(JobResult::job).containsExactlyElementsOf(jobs);
                for (JobResult r : results) {
                    assertThat(r.result().outcome())
                            .as(r.job().key() + ": " + r.result().message())
                            .isEqualTo(expected.get(r.job().key()));
                }
                assertThat(results)
                        .filteredOn(r -> r.result().outcome() == Outcome.AUTH_FAILED)
                        .hasSize(2 * 7);
                assertThat(heard).containsExactlyInAnyOrderElementsOf(results);
                assertThat(started).containsExactlyInAnyOrderElementsOf(jobs);
                assertThat(counting.highest("127.0.0.1")).isBetween(2, 4);
            }
        }
    }

    /** Holds every check until released; counts how many run at once. */
    static final class GateChecker implements LoginChecker {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch reached;
        private final Map<String, Integer> active = new HashMap<>();
        private final Map<String, Integer> highest = new HashMap<>();
        private int activeTotal;
        private int highestTotal;

        GateChecker(int expectedAtOnce) {
            reached = new CountDownLatch(expectedAtOnce);
        }

        @Override
        public CheckResult check(VerifyTarget target, CheckResult.Slot slot, Cancellation cancellation) {
            String host = target.endpoint().host();
            synchronized (this) {
                highest.merge(host, active.merge(host, 1, Integer::sum), Math::max);
                highestTotal = Math.max(highestTotal, ++activeTotal);
            }
            reached.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                active.merge(host, -1, Integer::sum);
                activeTotal--;
            }
            return new CheckResult(
                    target.protocol(), slot, Outcome.OK, host, target.endpoint().port(), "", "", "", 0, Instant.EPOCH);
        }
    }

    private List<VerifyJob> jobsOn(List<String> hosts, int perHostCount) {
        List<VerifyJob> jobs = new ArrayList<>();
        Secret password = secret("irrelevant");
        for (int i = 0; i < perHostCount; i++) {
            for (String host : hosts) {
                jobs.add(new VerifyJob(
                        host + " " + i,
                        new VerifyTarget(
                                Protocol.IMAP, new Endpoint(host, 993, Security.TLS), "u" + i, password, null, null),
                        CheckResult.Slot.CURRENT));
            }
        }
        return jobs;
    }

    @Nested
    @DisplayName("limits")
    class Limits {
        @Test
        @DisplayName("runs perHost checks per host at once, the hosts side by side")
        void perHost() throws Exception {
            GateChecker gate = new GateChecker(6);
            VerifyRunner.Run run = new VerifyRunner(gate, 16, 2, Clock.systemUTC())
                    .start(jobsOn(List.of("a.example", "b.example", "c.example"), 5), VerifyListener.NONE);
            assertThat(gate.reached.await(30, TimeUnit.SECONDS)).isTrue();
            gate.release.countDown();
            List<JobResult> results = run.await();

            assertThat(results).hasSize(15).allMatch(r -> r.result().ok());
            assertThat(gate.highest)
                    .containsOnlyKeys("a.example", "b.example", "c.example")
                    .allSatisfy((h, n) -> assertThat(n).as(h).isEqualTo(2));
            assertThat(gate.highestTotal).isEqualTo(6);
        }

        @Test
        @DisplayName("runs at most parallel checks at once in total")
        void parallel() throws Exception {
            GateChecker gate = new GateChecker(3);
            VerifyRunner.Run run = new VerifyRunner(gate, 3, 4, Clock.systemUTC())
                    .start(jobsOn(List.of("a.example", "b.example", "c.example", "d.example"), 3), VerifyListener.NONE);
            assertThat(gate.reached.await(30, TimeUnit.SECONDS)).isTrue();
            gate.release.countDown();
            run.await();

            assertThat(gate.highestTotal).isEqualTo(3);
        }

        @Test
        @DisplayName("refuses limits outside 1..256 and 1..64")
        void badLimits() {
            LoginChecker any = new GateChecker(0);
            assertThatThrownBy(() -> new VerifyRunner(any, 0, 4, Clock.systemUTC()))
                    .isInstanceOf(BadInputException.class);
            assertThatThrownBy(() -> new VerifyRunner(any, 16, 65, Clock.systemUTC()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("--per-host");
        }
    }

    @Nested
    @DisplayName("cancelled")
    class Cancelled {
        @Test
        @DisplayName("aborts the checks in flight and skips the rest")
        void cancel() throws Exception {
            try (ScriptedServer silent = ScriptedServer.imap(null, hold());
                    LoginChecker checker =
                            LoginChecker.jakartaMail(new VerifyOptions(Duration.ofSeconds(60), Clock.systemUTC()))) {
                List<VerifyJob> jobs = new ArrayList<>();
                Secret password = secret("pw");
                for (int i = 0; i < 6; i++) {
                    jobs.add(new VerifyJob(
                            "job " + i,
                            new VerifyTarget(
                                    Protocol.IMAP,
                                    new Endpoint("127.0.0.1", silent.port(), Security.STARTTLS),
                                    "u" + i,
                                    password,
                                    null,
                                    null),
                            CheckResult.Slot.CURRENT));
                }
                List<JobResult> heard = Collections.synchronizedList(new ArrayList<>());
                VerifyRunner.Run run = new VerifyRunner(checker, 16, 2, Clock.systemUTC()).start(jobs, heard::add);
                while (silent.connections() < 2) {
                    Thread.sleep(10);
                }
                run.cancel();
                List<JobResult> results = run.await();

                assertThat(results).hasSize(6).allMatch(r -> r.result().outcome() == Outcome.SKIPPED);
                assertThat(results)
                        .filteredOn(r -> r.result().message().contains("while checking"))
                        .hasSize(2);
                assertThat(heard).hasSize(6);
                assertThat(silent.connections()).isEqualTo(2);
                assertThat(run.isDone()).isTrue();
            }
        }
    }
}
