package io.damwebhooks.security.control;

/**
 * The cipher the whole application encrypts secrets with, installed once at start-up by
 * {@link SecretKeyLoader}. A static holder because Payara gives Hibernate no CDI BeanManager, so the
 * JPA converter that encrypts columns cannot have the cipher injected.
 */
public final class Secrets {

    private static volatile SecretCipher cipher;

    private Secrets() { }

    static void install(SecretCipher installed) {
        cipher = installed;
    }

    public static SecretCipher cipher() {
        SecretCipher current = cipher;
        if (current == null) throw new IllegalStateException("the secrets key is not loaded yet");
        return current;
    }
}
