package org.herald.contacts;

/** A communication channel a contact can consent to. */
public enum Channel {
    EMAIL, SMS, WEB_PUSH
}
