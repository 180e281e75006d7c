package org.herald.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.herald.campaigns.RenderedMessage;
import org.herald.common.ValidationException;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Templates templates = new Templates();

    @Test
    void mergeTagsUseTheirDefaultWhenTheFieldIsMissing() {
        Templates.Compiled c = templates.compile("Hi {{ firstname | default(\"friend\") }}",
                "<p>Hello {{ firstname | default(\"friend\") }}</p>", null);
        assertThat(templates.render(c, Map.of("firstname", "Ann")).subject()).isEqualTo("Hi Ann");
        assertThat(templates.render(c, Map.of()).html()).isEqualTo("<p>Hello friend</p>");
    }

    @Test
    void htmlIsEscapedAndTheTextPartIsMadeFromIt() {
        Templates.Compiled c = templates.compile("s", "<h1>Offer</h1><p>For {{ name }}</p><p><a href=\"{{ url }}\">Leave</a><br>Bye &amp; thanks</p>", null);
        RenderedMessage r = templates.render(c, Map.of("name", "<script>x</script>", "url", "https://h.test/u/1"));
        assertThat(r.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(r.text()).isEqualTo("Offer\n\nFor <script>x</script>\n\nLeave (https://h.test/u/1)\nBye & thanks\n");
    }

    @Test
    void templatesCannotCallJavaMethodsOrIncludeFiles() {
        Templates.Compiled c = templates.compile("{{ name.getClass().getName() }}", "{{ name.class }}", null);
        RenderedMessage r;
        try {
            r = templates.render(c, Map.of("name", "x"));
            assertThat(r.subject()).doesNotContain("java.lang");
            assertThat(r.html()).doesNotContain("java.lang");
        } catch (Templates.RenderException refused) {
            // refusing the call is as good as rendering nothing
        }
        Templates.Compiled include = templates.compile("s", "{% include \"/etc/passwd\" %}", null);
        assertThatThrownBy(() -> templates.render(include, Map.of())).isInstanceOf(Templates.RenderException.class);
    }

    @Test
    void aSyntaxErrorIsRefusedNamingThePart() {
        assertThatThrownBy(() -> templates.compile("ok", "<p>{{ broken </p>", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("html");
    }
}
