package org.herald.forms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Subscription forms: their definitions, and the intake of a post (double opt-in by default).
 * <p>
 * A post that is valid upserts the contact (a new one PENDING under double opt-in), keeps the
 * subscription with its proof (time, IP, user agent, form, consent text version and hash) until the
 * subscriber confirms, and asks for the confirmation message; confirming joins the form's lists with
 * source FORM and that proof. A contact that is UNSUBSCRIBED may subscribe again this way: the
 * confirmation is its own act. Without double opt-in the post itself is the act.
 */
@ProviderType
public interface FormService {

    /** Creates a form; a name taken is a {@link org.herald.common.ConflictException}. */
    Form create(String name, FormInput input);

    /** Changes a form; a new consent text becomes a new version. */
    Form update(String name, FormInput input);

    Optional<Form> find(String name);

    /** @throws org.herald.common.NotFoundException when there is no such form */
    Form get(String name);

    List<Form> list();

    /** Deletes the form; its consent texts stay in the proof of the subscriptions made with it. */
    void delete(String name);

    /** Every version of the form's consent text, oldest first. */
    List<ConsentText> consentTexts(String name);

    /**
     * Takes a post; invalid values are an {@link FormResult.Outcome#INVALID} result naming every
     * field in error, and change nothing.
     *
     * @throws org.herald.common.NotFoundException when there is no such form
     */
    FormResult submit(FormPost post);

    /**
     * The public address of a form: its hosted page ({@code GET}) and where a website posts it
     * ({@code POST}), under the configured base URL of the pages.
     */
    String url(String name);

    /**
     * Whether a browser may be sent to {@code url} after a post: an absolute https URL (http where
     * configured) on one of the configured hosts. Checked again at every redirect, so a host removed
     * from the configuration is not followed even by forms saved before.
     */
    boolean mayRedirectTo(String url);

    /**
     * The values a form shows prefilled for the contact of a signed link token (its address and the
     * form's fields), empty for a token that is not genuine.
     */
    Optional<Map<String, String>> prefill(String name, String token);
}
