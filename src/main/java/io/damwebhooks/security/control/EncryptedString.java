package io.damwebhooks.security.control;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a string column encrypted under the secrets key; see {@link SecretCipher}. */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return Secrets.cipher().encrypt(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return Secrets.cipher().decrypt(stored);
    }
}
