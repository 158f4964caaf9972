package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void textFromTheDataIsNeverReadAsAPlaceholder() {
        Map<String, Object> model = Map.of("items", List.of(
                Map.of("itemTitle", "{{{items}}}", "municipality", "Vänersborg", "hasWhen", false,
                        "description", "Lugnt tempo"),
                Map.of("itemTitle", "Simkurs", "municipality", "Vänersborg", "hasWhen", false,
                        "description", "<a href=https://phish.example>klicka</a>")));
        String html = Template.load("digest.html").render(model, Template.texts("sv"));
        assertTrue(html.contains("<strong>{{{items}}}</strong>"), html);
        assertTrue(html.contains("&lt;a href=https://phish.example&gt;"), html);
        assertFalse(html.contains("<a href"), "no raw HTML from the data: " + html);
    }
}
