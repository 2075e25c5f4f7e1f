package dev.mailvault.ui.common;

import dev.mailvault.core.VaultException;
import dev.mailvault.core.VaultSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A session is not thread-safe, and the app calls it from several background tasks (a verify
 * run records its results while the user opens another account). This wraps it so that one call
 * runs at a time, and so that a locked session answers with a clear error instead of a closed
 * database.
 */
public final class SerialSession {
    private SerialSession() {}

    /** Thrown by a session after the app locked it. */
    public static final class LockedException extends VaultException {
        public LockedException() {
            super("the vault is locked");
        }
    }

    public static VaultSession wrap(VaultSession session) {
        Object lock = new Object();
        boolean[] closed = {false};
        return (VaultSession) Proxy.newProxyInstance(
                VaultSession.class.getClassLoader(), new Class<?>[] {VaultSession.class}, (proxy, method, args) -> {
                    if (isObjectMethod(method)) {
                        return objectMethod(proxy, method, args, session);
                    }
                    synchronized (lock) {
                        if (closed[0]) {
                            if (method.getName().equals("close")) {
                                return null;
                            }
                            throw new LockedException();
                        }
                        if (method.getName().equals("close")) {
                            closed[0] = true;
                        }
                        try {
                            return method.invoke(session, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }

    private static boolean isObjectMethod(Method method) {
        return method.getDeclaringClass() == Object.class;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, VaultSession session) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "SerialSession[" + session + "]";
        };
    }
}
