package dev.mailvault.core.crypto.internal;

import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HMAC-SHA256 over a key held in a wipeable array. */
public final class HmacSha256 implements Destroyable {
    private final byte[] key;
    private boolean destroyed;

    public HmacSha256(byte[] key) {
        this.key = key.clone();
    }

    public byte[] mac(byte[] data) {
        if (destroyed) {
            throw new IllegalStateException("key destroyed");
        }
        HMac hmac = new HMac(new SHA256Digest());
        KeyParameter keyParameter = new KeyParameter(key);
        hmac.init(keyParameter);
        Arrays.fill(keyParameter.getKey(), (byte) 0);
        try {
            hmac.update(data, 0, data.length);
            byte[] out = new byte[hmac.getMacSize()];
            hmac.doFinal(out, 0);
            return out;
        } finally {
            clear(hmac);
        }
    }

    /**
     * Overwrites the key-derived pads that {@code hmac} keeps (the key XOR 0x36 and XOR 0x5c, as
     * good as the key) by setting an all-zero key: Bouncy Castle refills those arrays in place.
     */
    static void clear(HMac hmac) {
        hmac.init(new KeyParameter(new byte[32]));
    }

    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }
}
