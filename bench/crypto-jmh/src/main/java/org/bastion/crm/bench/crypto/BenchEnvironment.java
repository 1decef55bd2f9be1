package org.bastion.crm.bench.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Prints which implementations the benchmarks get on this JVM, so that a result names what it measured. */
public final class BenchEnvironment {

    private BenchEnvironment() {
    }

    /** Prints one line per implementation choice (no arguments). */
    public static void main(String[] args) throws GeneralSecurityException {
        System.out.println("java " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")");
        System.out.println("JDK AES/GCM/NoPadding provider: " + Cipher.getInstance("AES/GCM/NoPadding").getProvider());
        System.out.println("JDK AES/KWP/NoPadding provider: " + Cipher.getInstance("AES/KWP/NoPadding").getProvider());
        System.out.println("Bouncy Castle: " + new BouncyCastleProvider().getInfo());
        System.out.println("BC lightweight GCM: " + GCMBlockCipher.newInstance(AESEngine.newInstance()).getClass().getName()
                + " over " + AESEngine.newInstance().getClass().getName());
        System.out.println("new SecureRandom(): " + new SecureRandom().getAlgorithm());
    }
}
