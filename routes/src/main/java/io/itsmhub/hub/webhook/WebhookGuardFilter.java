package io.itsmhub.hub.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing a webhook request meets, before Camel (whose stream caching would read the whole body into memory
 * before a route's first step could check a token): the webhook's {@link WebhookGate} checks the headers, then the
 * body is read, at most {@code hub.webhooks.max-body-size} of it, and handed on. A request the gate refuses gets 401
 * without its body being read; one with a larger body gets 413 as soon as the limit is passed (at once when its
 * Content-Length says so). Either way the container drains a little of what is left and drops the connection, so an
 * unauthenticated 300 MB upload costs the hub a few megabytes of socket buffer, not 300 MB of heap.
 * <p>
 * While the hub starts (or stops) the web server already answers but the Camel routes behind the webhooks are not
 * there: such a call gets 503 with {@code Retry-After}, which Alertmanager and the HR system retry, instead of the 404
 * they would drop.
 */
class WebhookGuardFilter extends OncePerRequestFilter {

    private final Map<String, WebhookGate> gates;
    private final long limit;
    private final ObjectMapper json;
    private final java.util.function.BooleanSupplier routesStarted;

    WebhookGuardFilter(List<WebhookGate> gates, WebhookSettings settings, ObjectMapper json,
                       java.util.function.BooleanSupplier routesStarted) {
        this.gates = gates.stream().collect(Collectors.toMap(WebhookGate::path, Function.identity()));
        this.limit = settings.maxBodySize().toBytes();
        this.json = json;
        this.routesStarted = routesStarted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WebhookGate gate = gates.get(request.getRequestURI().substring(request.getContextPath().length()));
        try {
            if (gate != null) {
                gate.admit(request);
            }
            if (!routesStarted.getAsBoolean()) {
                response.setHeader("Retry-After", "5");
                problem(response, 503, "Service unavailable", "the hub is starting or stopping; retry shortly");
                return;
            }
            byte[] body = readBounded(request);
            chain.doFilter(new BufferedBody(request, body), response);
        } catch (WebhookUnauthorizedException e) {
            problem(response, 401, "Unauthorized", e.getMessage());
        } catch (WebhookBodyTooLargeException e) {
            problem(response, 413, "Content too large", e.getMessage());
        }
    }

    private byte[] readBounded(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new WebhookBodyTooLargeException(limit);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        try (InputStream in = request.getInputStream()) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) != -1; ) {
                if (body.size() + n > limit) { // chunked or lying about its length: stop reading here
                    throw new WebhookBodyTooLargeException(limit);
                }
                body.write(chunk, 0, n);
            }
        }
        return body.toByteArray();
    }

    private void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"itsm-hub\"");
        }
        // the rest of the body will not be read: tell the sender the connection ends with this answer
        response.setHeader("Connection", "close");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** The request with its body already read (and bounded); Camel reads it from here. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
