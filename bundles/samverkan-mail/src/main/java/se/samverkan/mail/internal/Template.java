package se.samverkan.mail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail and page templates under {@code templates/}: text and HTML files with {@code {{name}}} (a value, escaped
 * in HTML), {@code {{{name}}}} (inserted as it is), {@code {{t.key}}} (a text of the language's
 * {@code texts_LANG.properties}, itself a template) and {@code {{#items}}…{{/items}}} (repeated per item, or once
 * for a true value). Kept this small on purpose: the wording lives in the files, not in Java.
 */
final class Template {

    private static final Pattern SECTION = Pattern.compile("\\{\\{#(\\w+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{(\\{?)([\\w.]+)}?}}");
    /** Where a rendered section waits while the values around it are filled in; no template or text has it. */
    private static final char MARK = '\u0000';
    private static final Pattern MARKED = Pattern.compile(MARK + "(\\d+)" + MARK);

    private final String text;
    private final boolean html;

    private Template(String text, boolean html) {
        this.text = text;
        this.html = html;
    }

    /** {@code templates/NAME} from this bundle; {@code .html} files escape their values. */
    static Template load(String name) {
        return new Template(read(name), name.endsWith(".html"));
    }

    /** A template given as text (a text of the texts files); not HTML-escaping. */
    static Template inline(String text) {
        if (text == null) {
            throw new IllegalStateException("a text is missing from the texts");
        }
        return new Template(text, false);
    }

    /** The texts of one language. */
    static Map<String, String> texts(String language) {
        Properties p = new Properties();
        try (InputStream in = open("texts_" + language + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>();
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
        return texts;
    }

    String render(Map<String, ?> model, Map<String, String> texts) {
        return render(text, model, texts);
    }

    /**
     * Sections are rendered first and kept aside behind a marker while the values of this level are filled in,
     * so that text from the data (an activity titled "{{{items}}}") is never read as a placeholder.
     */
    private String render(String source, Map<String, ?> model, Map<String, String> texts) {
        Matcher sections = SECTION.matcher(source);
        StringBuilder out = new StringBuilder();
        List<String> rendered = new ArrayList<>();
        while (sections.find()) {
            Object value = model.get(sections.group(1));
            StringBuilder repeated = new StringBuilder();
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> inner = new HashMap<>(model);
                    ((Map<?, ?>) item).forEach((k, v) -> inner.put((String) k, v));
                    repeated.append(render(sections.group(2), inner, texts));
                }
            } else if (Boolean.TRUE.equals(value)) {
                repeated.append(render(sections.group(2), model, texts));
            }
            sections.appendReplacement(out, "" + MARK + rendered.size() + MARK);
            rendered.add(repeated.toString());
        }
        sections.appendTail(out);
        Matcher values = VALUE.matcher(out.toString());
        StringBuilder result = new StringBuilder();
        while (values.find()) {
            boolean raw = !values.group(1).isEmpty();
            String name = values.group(2);
            String value;
            if (name.startsWith("t.")) {
                value = inline(texts.get(name.substring(2))).render(model, texts);
            } else {
                Object v = model.get(name);
                value = v == null ? "" : v.toString();
            }
            values.appendReplacement(result, Matcher.quoteReplacement(html && !raw ? escape(value) : value));
        }
        values.appendTail(result);
        Matcher marks = MARKED.matcher(result.toString());
        StringBuilder done = new StringBuilder();
        while (marks.find()) {
            marks.appendReplacement(done, Matcher.quoteReplacement(rendered.get(Integer.parseInt(marks.group(1)))));
        }
        marks.appendTail(done);
        return done.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String read(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Template.class.getResourceAsStream("templates/" + name);
        if (in == null) {
            throw new IOException("template " + name + " is missing from the bundle");
        }
        return in;
    }
}
