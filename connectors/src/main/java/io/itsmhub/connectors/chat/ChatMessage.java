package io.itsmhub.connectors.chat;

import java.net.URI;

/**
 * A notification, in the one format all three chats roughly share: each robot turns it into its own body.
 *
 * @param title    one line: the heading, and the preview in chat lists and push notifications; always shown as
 *                 written (it comes from a ticket's title, so no markup in it is obeyed)
 * @param markdown the body in common Markdown (headings, bold, lists, links); may be empty
 * @param link     where to read more (the ticket in the hub's UI), appended as a link; or null
 * @param plain    the body is plain text to show as written: each robot escapes it for its dialect, so that text
 *                 from a ticket can inject no link, mention or formatting
 */
public record ChatMessage(String title, String markdown, URI link, boolean plain) {

    public ChatMessage(String title, String markdown, URI link) {
        this(title, markdown, link, false);
    }

    public ChatMessage {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a chat message needs a title");
        }
        // One line, because every chat shows it as a heading or preview line.
        title = title.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        markdown = markdown == null ? "" : markdown.strip();
    }

    public static ChatMessage of(String title, String markdown) {
        return new ChatMessage(title, markdown, null);
    }

    /** A message whose title and body are shown exactly as written: what the hub sends about tickets. */
    public static ChatMessage plainText(String title, String text, URI link) {
        return new ChatMessage(title, text, link, true);
    }
}
