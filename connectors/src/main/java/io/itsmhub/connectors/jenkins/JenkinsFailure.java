package io.itsmhub.connectors.jenkins;

import com.cdancy.jenkins.rest.domain.common.Error;
import java.io.IOException;
import java.net.HttpRetryException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong, recovered from what jenkins-rest 1.0.2 reports. Many of its calls do not throw but return
 * an object whose {@code errors()} list carries only an exception class name and message text, so the HTTP status
 * has to be read back from those: the class names its error handler picks per status, or jclouds'
 * "failed with response: HTTP/1.1 503 …" text. A failed crumb fetch is worse: it is wrapped, as text, into the
 * error of the POST that never left.
 *
 * @param status     the HTTP status, {@link #NO_ANSWER} or {@link #UNREADABLE}
 * @param reason     a short text for messages (no HTML, no request payload)
 * @param crumbFetch whether the failure happened while fetching the CSRF crumb, before the actual request
 * @param cause      the exception, when jenkins-rest threw one instead of swallowing it
 */
record JenkinsFailure(int status, String reason, boolean crumbFetch, Throwable cause) {

    /** No HTTP answer: refused, reset, timed out. */
    static final int NO_ANSWER = -1;
    /** Jenkins answered, but jenkins-rest could not read the answer (e.g. no queue Location, not JSON). */
    static final int UNREADABLE = -2;

    private static final int MAX_REASON = 200;

    // What jenkins-rest's JenkinsErrorHandler throws per status; everything else becomes HttpResponseException.
    private static final Map<String, Integer> STATUS_BY_EXCEPTION = Map.of(
            "AuthorizationException", 401,
            "ForbiddenException", 403,
            "ResourceNotFoundException", 404,
            "RedirectTo404Exception", 404,
            "IllegalArgumentException", 400,
            "MethodNotAllowedException", 405,
            "ResourceAlreadyExistsException", 409,
            "UnsupportedMediaTypeException", 415);

    private static final Pattern STATUS_LINE = Pattern.compile("failed with response: HTTP/[\\d.]+ (\\d{3})");
    // JenkinsAuthenticationFilter's "Unexpected exception being thrown: error=Error{context=…, message=…, exceptionName=…}"
    private static final Pattern CRUMB_ERROR = Pattern.compile(
            "Unexpected exception being thrown: error=Error\\{context=.*?, message=(.*), exceptionName=([\\w.$]+)}",
            Pattern.DOTALL);

    /** From the first entry of a jenkins-rest {@code errors()} list. */
    static JenkinsFailure of(List<Error> errors) {
        if (errors == null || errors.isEmpty()) {
            return new JenkinsFailure(UNREADABLE, "jenkins-rest reported a failure without details", false, null);
        }
        Error error = errors.get(0);
        String name = error.exceptionName();
        String text = error.message() == null ? "" : error.message();
        Matcher crumb = CRUMB_ERROR.matcher(text);
        boolean crumbFetch = crumb.find();
        if (crumbFetch) {
            text = crumb.group(1);
            name = crumb.group(2);
        }
        int status = statusOf(name, text);
        return new JenkinsFailure(status, reasonOf(status, name, text), crumbFetch, null);
    }

    /** From an exception jenkins-rest (jclouds) threw. */
    static JenkinsFailure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof HttpRetryException retry) {
                // HttpURLConnection's answer to a 401 on a streamed POST: bad credentials, not a network fault.
                return new JenkinsFailure(retry.responseCode(), retry.getMessage(), false, thrown);
            }
            if (t instanceof IOException io) {
                return new JenkinsFailure(NO_ANSWER, io.toString(), false, thrown);
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            int status = statusOf(t.getClass().getName(), text);
            if (status != UNREADABLE) {
                return new JenkinsFailure(status, reasonOf(status, t.getClass().getName(), text), false, thrown);
            }
        }
        return new JenkinsFailure(UNREADABLE, thrown.toString(), false, thrown);
    }

    boolean noAnswer() {
        return status == NO_ANSWER;
    }

    /** Jenkins refused a POST for a missing or stale crumb: it did nothing, so the POST may be sent again. */
    boolean crumbRejected() {
        return status == 403 && reason.contains("No valid crumb");
    }

    private static int statusOf(String exceptionName, String text) {
        String simpleName = exceptionName == null ? "" : exceptionName.substring(exceptionName.lastIndexOf('.') + 1);
        Integer typed = STATUS_BY_EXCEPTION.get(simpleName);
        if (typed != null) {
            return typed;
        }
        Matcher statusLine = STATUS_LINE.matcher(text);
        if (statusLine.find()) {
            return Integer.parseInt(statusLine.group(1));
        }
        if (text.contains("due to server authentication")) {
            return 401; // HttpRetryException, flattened to text by jclouds
        }
        if (text.contains("due to proxy authentication")) {
            return 407;
        }
        // jclouds reports an I/O failure as HttpResponseException "<cause> connecting to <request line>".
        return simpleName.equals("HttpResponseException") ? NO_ANSWER : UNREADABLE;
    }

    private static String reasonOf(int status, String exceptionName, String text) {
        if (status == NO_ANSWER) {
            int at = text.indexOf(" connecting to ");
            return at < 0 ? text : text.substring(0, at);
        }
        Matcher statusLine = STATUS_LINE.matcher(text);
        if (statusLine.find()) {
            // Not the whole text: it repeats the request, form payload included.
            return text.substring(statusLine.start() + "failed with response: ".length()).strip();
        }
        if (status == UNREADABLE) {
            return exceptionName + ": " + shorten(text);
        }
        // "<request line> -> <status line> -> <X-Error>" when the answer had no body, else the body (HTML).
        int arrow = text.lastIndexOf(" -> ");
        return shorten(arrow < 0 ? text : text.substring(arrow + 4));
    }

    /** Jenkins' error pages are HTML; keep their words, not their markup. */
    static String shorten(String text) {
        String plain = text.replaceAll("(?is)<(script|style|head)\\b.*?</\\1>", " ")
                .replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
        return plain.length() <= MAX_REASON ? plain : plain.substring(0, MAX_REASON) + "…";
    }
}
