package org.herald.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One rendered message ready for the transport, and its JSON shape on the send queue.
 * {@code messageId} is Herald's id of the (campaign, contact) message (0 for a test send);
 * {@code rfcMessageId} the stable {@code Message-ID} header value, the same on every attempt;
 * {@code envelopeFrom} the Return-Path (carries the message's bounce token); {@code headers} extra
 * headers in order ({@code List-Unsubscribe}, {@code List-Unsubscribe-Post}, …).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OutboundMessage {

    private final long messageId;
    private final long campaignId;
    private final String contactId;
    private final String rfcMessageId;
    private final String from;
    private final String replyTo;
    private final String to;
    private final String envelopeFrom;
    private final String subject;
    private final String html;
    private final String text;
    private final Map<String, String> headers;

    @JsonCreator
    private OutboundMessage(@JsonProperty("messageId") long messageId, @JsonProperty("campaignId") long campaignId,
            @JsonProperty("contactId") String contactId, @JsonProperty("rfcMessageId") String rfcMessageId,
            @JsonProperty("from") String from, @JsonProperty("replyTo") String replyTo, @JsonProperty("to") String to,
            @JsonProperty("envelopeFrom") String envelopeFrom, @JsonProperty("subject") String subject,
            @JsonProperty("html") String html, @JsonProperty("text") String text,
            @JsonProperty("headers") Map<String, String> headers) {
        this.messageId = messageId;
        this.campaignId = campaignId;
        this.contactId = contactId;
        this.rfcMessageId = Objects.requireNonNull(rfcMessageId, "rfcMessageId");
        this.from = Objects.requireNonNull(from, "from");
        this.replyTo = replyTo;
        this.to = Objects.requireNonNull(to, "to");
        this.envelopeFrom = envelopeFrom;
        this.subject = subject == null ? "" : subject;
        this.html = html;
        this.text = text;
        this.headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Builder builder() {
        return new Builder();
    }

    public long messageId() {
        return messageId;
    }

    public long campaignId() {
        return campaignId;
    }

    public String contactId() {
        return contactId;
    }

    public String rfcMessageId() {
        return rfcMessageId;
    }

    public String from() {
        return from;
    }

    public String replyTo() {
        return replyTo;
    }

    public String to() {
        return to;
    }

    /** The envelope sender (Return-Path), or {@code null} for the From address. */
    public String envelopeFrom() {
        return envelopeFrom;
    }

    public String subject() {
        return subject;
    }

    /** The HTML part, or {@code null}. */
    public String html() {
        return html;
    }

    /** The text part, or {@code null}. */
    public String text() {
        return text;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The recipient's domain, lower case (for per-domain throttling). */
    public String recipientDomain() {
        int at = to.lastIndexOf('@');
        return at < 0 ? "" : to.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public static final class Builder {
        private long messageId;
        private long campaignId;
        private String contactId;
        private String rfcMessageId;
        private String from;
        private String replyTo;
        private String to;
        private String envelopeFrom;
        private String subject;
        private String html;
        private String text;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder messageId(long v) {
            messageId = v;
            return this;
        }

        public Builder campaignId(long v) {
            campaignId = v;
            return this;
        }

        public Builder contactId(String v) {
            contactId = v;
            return this;
        }

        public Builder rfcMessageId(String v) {
            rfcMessageId = v;
            return this;
        }

        public Builder from(String v) {
            from = v;
            return this;
        }

        public Builder replyTo(String v) {
            replyTo = v;
            return this;
        }

        public Builder to(String v) {
            to = v;
            return this;
        }

        public Builder envelopeFrom(String v) {
            envelopeFrom = v;
            return this;
        }

        public Builder subject(String v) {
            subject = v;
            return this;
        }

        public Builder html(String v) {
            html = v;
            return this;
        }

        public Builder text(String v) {
            text = v;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public OutboundMessage build() {
            return new OutboundMessage(messageId, campaignId, contactId, rfcMessageId, from, replyTo, to, envelopeFrom,
                    subject, html, text, headers);
        }
    }
}
