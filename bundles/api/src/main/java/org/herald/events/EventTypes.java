package org.herald.events;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of event types. Herald's own types describe changes it makes and messages it sends;
 * the external types ({@link #EXTERNAL}) and custom types (any other name matching
 * {@link #NAME}) are what integrators send. Names are lowercase, {@code [a-z][a-z0-9_]*}, at most
 * 64 characters.
 */
public final class EventTypes {

    /** The contact was created (properties: status, source of creation). */
    public static final String CREATED = "created";
    /** The opt-in status became CONFIRMED (properties: from, to). */
    public static final String SUBSCRIBED = "subscribed";
    /** The opt-in status became UNSUBSCRIBED (properties: from, to). */
    public static final String UNSUBSCRIBED = "unsubscribed";
    /** Any other change of opt-in status (properties: from, to). */
    public static final String STATUS_CHANGED = "status_changed";
    /** A custom field value changed (properties: field, from, to; absent from/to = empty). */
    public static final String FIELD_CHANGED = "field_changed";
    public static final String TAG_ADDED = "tag_added";
    public static final String TAG_REMOVED = "tag_removed";
    public static final String LIST_JOINED = "list_joined";
    public static final String LIST_LEFT = "list_left";
    /** The address changed (properties: from, to). */
    public static final String EMAIL_CHANGED = "email_changed";
    /** Activity recording was turned on or off (properties: monitored). */
    public static final String MONITORING_CHANGED = "monitoring_changed";
    public static final String DELETED = "deleted";
    public static final String RESTORED = "restored";
    /**
     * The contact was erased at its request. Published so downstream systems erase it too; carries
     * only the contact id. It is the one event kept after the erasure.
     */
    public static final String FORGOTTEN = "forgotten";
    /** The lead-score stage changed (properties: from, to, score). */
    public static final String STAGE_CHANGED = "stage_changed";
    public static final String FORM_FILLED = "form_filled";
    /** A message of a campaign was queued for the contact (status WFS; properties: campaign, message, status, lists). */
    public static final String MESSAGE_QUEUED = "message_queued";
    /** The relay accepted the message (status SENT; properties: campaign, message, status, reply). */
    public static final String MESSAGE_SENT = "message_sent";
    /** The message failed for good (statuses IE, TE, TR, PF, SF, LF, HF, UF, FP; properties: campaign, message, status, reply). */
    public static final String MESSAGE_FAILED = "message_failed";
    /** The message was not sent: cancelled (C) or opted out or capped before sending (OO); properties: campaign, message, status, reason. */
    public static final String MESSAGE_NOT_SENT = "message_not_sent";
    /** The contact's sending choices changed (properties: frequency, one_message_weekly, from_frequency, from_one_message_weekly). */
    public static final String MAIL_CHOICES_CHANGED = "mail_choices_changed";
    public static final String MESSAGE_OPENED = "message_opened";
    public static final String MESSAGE_CLICKED = "message_clicked";
    public static final String MESSAGE_BOUNCED = "message_bounced";
    public static final String MESSAGE_COMPLAINED = "message_complained";

    /** A page visit (properties: url, title, referrer). */
    public static final String PAGE_VISIT = "page_visit";
    /** A purchase (properties: value, currency, items, order). */
    public static final String PURCHASE = "purchase";
    /** The cart changed (properties: value, currency, items). */
    public static final String CART = "cart";
    /** The cart was left without an order (properties: value, currency, items). */
    public static final String CART_ABANDONED = "cart_abandoned";

    /** The types integrators send that Herald knows the properties of. */
    public static final Set<String> EXTERNAL = Set.of(PAGE_VISIT, PURCHASE, CART, CART_ABANDONED);

    /** The types only Herald writes: an external source sending one of them is refused. */
    public static final Set<String> HERALD = Set.of(CREATED, SUBSCRIBED, UNSUBSCRIBED, STATUS_CHANGED, FIELD_CHANGED,
            TAG_ADDED, TAG_REMOVED, LIST_JOINED, LIST_LEFT, EMAIL_CHANGED, MONITORING_CHANGED, DELETED, RESTORED,
            FORGOTTEN, STAGE_CHANGED, FORM_FILLED, MESSAGE_QUEUED, MESSAGE_SENT, MESSAGE_FAILED, MESSAGE_NOT_SENT,
            MAIL_CHOICES_CHANGED, MESSAGE_OPENED, MESSAGE_CLICKED, MESSAGE_BOUNCED,
            MESSAGE_COMPLAINED);

    /**
     * Interactions, the activity that counts for engagement and that "stop monitoring" stops
     * recording: opens, clicks, visits, carts and orders, forms, and every custom type.
     */
    public static boolean isActivity(String type) {
        return !HERALD.contains(type) || type.equals(MESSAGE_OPENED) || type.equals(MESSAGE_CLICKED)
                || type.equals(FORM_FILLED);
    }

    /** What an event type name must look like. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** Whether {@code type} is a custom type an integrator may send (a valid name, not one of Herald's or the known external ones). */
    public static boolean isCustom(String type) {
        return type != null && NAME.matcher(type).matches() && !HERALD.contains(type) && !EXTERNAL.contains(type);
    }

    private EventTypes() {
    }
}
