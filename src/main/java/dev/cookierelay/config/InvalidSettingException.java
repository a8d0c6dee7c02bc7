package dev.cookierelay.config;

/** A setting that cannot be used: thrown at deployment so the server refuses the WAR, naming the key. */
public class InvalidSettingException extends RuntimeException {

    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("Invalid setting " + key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
