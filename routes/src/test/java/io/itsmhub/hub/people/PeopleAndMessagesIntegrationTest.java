package io.itsmhub.hub.people;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.itsmhub.connectors.ldap.DirectoryServer;
import io.itsmhub.core.incident.IncidentService;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.people.PeopleService;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * People and messages against real protocols: UnboundID's in-memory LDAP server for logins and the directory
 * sync, GreenMail's SMTP and IMAP servers for mail out and in, WireMock as the SMS gateway and the DingTalk robot
 * (requests asserted as they arrive, signature verified), and the HR webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleAndMessagesIntegrationTest {

    static final String ADMIN_PASSWORD = "admin-pw-for-tests";
    static final String DINGTALK_SECRET = "SEC0123456789abcdef";
    static final DirectoryServer ldap = DirectoryServer.start();
    static final GreenMail mail = new GreenMail(com.icegreen.greenmail.util.ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    static final WireMockServer peers = new WireMockServer(options().dynamicPort());
    static final java.nio.file.Path HR_DROP = tempDir();

    static {
        mail.start();
        mail.setUser("hub@example.com", "hub", "hub-mail-pw");
        peers.start();
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:people-messages;DB_CLOSE_DELAY=-1");
        registry.add("hub.admin.password", () -> ADMIN_PASSWORD);
        registry.add("hub.mail.trusted-authserv-ids", () -> "mx.example.com");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.outbox.poll-interval", () -> "50");
        registry.add("hub.outbox.first-retry", () -> "PT0.2S");
        registry.add("hub.outbox.max-attempts", () -> "3");
        registry.add("hub.ldap.url", () -> ldap.url().toString());
        registry.add("hub.ldap.bind-dn", () -> DirectoryServer.SERVICE_DN);
        registry.add("hub.ldap.bind-password", () -> DirectoryServer.SERVICE_PASSWORD);
        registry.add("hub.ldap.user-base", () -> DirectoryServer.PEOPLE_DN);
        registry.add("hub.ldap.group-base", () -> DirectoryServer.GROUPS_DN);
        registry.add("hub.ldap.group-roles.itsm-agents", () -> "agent");
        registry.add("hub.ldap.group-roles.itsm-change-managers", () -> "change-manager");
        registry.add("hub.ldap.group-roles.itsm-admins", () -> "admin");
        registry.add("hub.ldap.sync-delay", () -> "1h"); // the tests sync on demand
        registry.add("hub.mail.from", () -> "ITSM Hub <hub@example.com>");
        registry.add("hub.mail.smtp.host", () -> "127.0.0.1");
        registry.add("hub.mail.smtp.port", () -> mail.getSmtp().getPort());
        registry.add("hub.mail.imap.host", () -> "127.0.0.1");
        registry.add("hub.mail.imap.port", () -> mail.getImap().getPort());
        registry.add("hub.mail.imap.username", () -> "hub");
        registry.add("hub.mail.imap.password", () -> "hub-mail-pw");
        registry.add("hub.mail.poll-interval", () -> "200ms");
        registry.add("hub.sms.url", () -> peers.baseUrl() + "/sms/send");
        registry.add("hub.sms.body-template", () -> "{\"phone\":\"\\${to}\",\"message\":\"\\${text}\"}");
        registry.add("hub.chat.dingtalk.webhook-url", () -> peers.baseUrl() + "/robot/send?access_token=tok123");
        registry.add("hub.chat.dingtalk.secret", () -> DINGTALK_SECRET);
        registry.add("hub.hr.webhook-token", () -> "hr-token");
        registry.add("hub.hr.drop-dir", HR_DROP::toString);
    }

    @AfterAll
    static void stopPeers() {
        ldap.close();
        mail.stop();
        peers.stop();
    }

    @Autowired TestRestTemplate http;
    @Autowired IncidentService incidents;
    @Autowired PeopleService people;
    @Autowired io.itsmhub.hub.directory.DirectoryOperations operations;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void peersAnswer() {
        peers.resetAll();
        peers.stubFor(post(urlPathEqualTo("/sms/send")).willReturn(okJson("{\"code\":0}")));
        peers.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/directory/sync", null, 200);
    }

    @Test
    void aDirectoryUserLogsInAndSeesOnlyWhatTheirRoleAllows() {
        JsonNode bob = call("bob", DirectoryServer.samplePassword("bob"), HttpMethod.GET, "/api/v1/whoami", null, 200);
        assertThat(bob.toString()).contains("agent");
        call("bob", DirectoryServer.samplePassword("bob"), HttpMethod.GET, "/api/v1/incidents", null, 200);
        call("bob", DirectoryServer.samplePassword("bob"), HttpMethod.POST, "/api/v1/change-templates",
                Map.of("name", "x", "title", "x"), 403);

        ldap.addUser("nora", "Nora New", "nora@example.com", "+41 79 555 09 09", "nora-Secret-1", "mike");
        call("nora", "nora-Secret-1", HttpMethod.GET, "/api/v1/changes", null, 403);
        assertThat(people.find("nora").orElseThrow().getManager()).as("created at her first login").isEqualTo("mike");

        assertThat(exchange("bob", "wrong-password", HttpMethod.GET, "/api/v1/whoami", null).getStatusCode().value()).isEqualTo(401);
        assertThat(exchange("*)(uid=*", "x", HttpMethod.GET, "/api/v1/whoami", null).getStatusCode().value()).isEqualTo(401);
        assertThat(exchange("bob", "", HttpMethod.GET, "/api/v1/whoami", null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aSyncBringsManagersAndDeactivatesWhoLeftTheDirectory() {
        assertThat(people.find("bob").orElseThrow().getManager()).isEqualTo("mike");
        assertThat(people.find("alice").orElseThrow().getGroups()).contains("itsm-agents", "payments-db-readers");
        ldap.addUser("gone", "Gone Soon", "gone@example.com", null, "gone-Secret-1", null);
        call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/directory/sync", null, 200);
        ldap.delete("gone");
        JsonNode report = call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/directory/sync", null, 200);
        assertThat(report.get("deactivated").asInt()).isEqualTo(1);
        assertThat(people.find("gone").orElseThrow().isActive()).isFalse();
        assertThat(exchange("gone", "gone-Secret-1", HttpMethod.GET, "/api/v1/whoami", null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aP1IncidentReachesEmailSmsAndTheChatRobotEachJournaled() throws Exception {
        String number = call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/incidents", Map.of("title", "Payments down",
                "impact", "HIGH", "urgency", "HIGH", "assignmentGroup", "itsm-agents", "assignee", "alice"), 201)
                .get("number").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> received("alice@example.com", number) != null);
        MimeMessage toAlice = received("alice@example.com", number);
        assertThat(toAlice.getSubject()).isEqualTo("[" + number + "] P1 incident: Payments down");
        assertThat(GreenMailUtil.getBody(toAlice)).contains("What to do");

        await().atMost(Duration.ofSeconds(20)).until(() -> sms("+41795550101").size() == 1);
        assertThat(sms("+41795550101").get(0).getBodyAsString()).contains("Payments down");

        await().atMost(Duration.ofSeconds(20)).until(() -> peers.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).size() == 1);
        LoggedRequest robot = peers.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
        String timestamp = robot.queryParameter("timestamp").firstValue();
        assertThat(robot.queryParameter("sign").firstValue())
                .as("DingTalk's signature verifies").isEqualTo(dingTalkSign(timestamp));
        JsonNode markdown = json.readTree(robot.getBodyAsString()).get("markdown");
        assertThat(markdown.get("title").asText()).contains("MAJOR INCIDENT");
        assertThat(markdown.get("text").asText()).contains("/t/" + number);

        await().atMost(Duration.ofSeconds(10)).until(() -> journal(number).stream().filter(m -> m.contains(" notify ")).count() >= 3);
        assertThat(journal(number))
                .anyMatch(m -> m.startsWith("email notify incident-created: sent to alice@example.com"))
                .anyMatch(m -> m.startsWith("sms notify incident-created: sent to ") && m.contains("0101"))
                .anyMatch(m -> m.startsWith("dingtalk notify major-incident: sent to dingtalk"));
    }

    /** A ticket's title reaches chat and SMS as typed: no link, mention or bold of its own; the hub's link stays one. */
    @Test
    void aHostileTitleArrivesInChatAndSmsAsLiteralText() throws Exception {
        String title = "[click](http://evil.example) @all <!channel> **x**";
        String number = call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/incidents", Map.of("title", title,
                "impact", "HIGH", "urgency", "HIGH", "assignmentGroup", "itsm-agents", "assignee", "alice"), 201)
                .get("number").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> peers.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).size() == 1);
        String text = json.readTree(peers.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0).getBodyAsString())
                .get("markdown").get("text").asText();
        assertThat(text).contains("\\[click\\]\\(http\\[:\\]//evil.example\\) @all \\<\\!channel\\> \\*\\*x\\*\\*")
                .doesNotContain("[click](").doesNotContain("**x**").doesNotContain("<!channel>")
                .endsWith("/t/" + number + ")").contains("[Details](http");

        await().atMost(Duration.ofSeconds(20)).until(() -> sms("+41795550101").size() == 1);
        String sms = json.readTree(sms("+41795550101").get(0).getBodyAsString()).get("message").asText();
        assertThat(sms).contains("[click](http[:]//evil.example)").doesNotContain("http://evil")
                .contains("://localhost:8080/t/" + number);
    }

    @Test
    void anSmsGatewayThatIsDownIsRetriedAndParkedAndHoldsUpNothingElse() {
        peers.stubFor(post(urlPathEqualTo("/sms/send")).willReturn(aResponse().withStatus(503)));
        String number = call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/incidents", Map.of("title", "Core switch down",
                "impact", "HIGH", "urgency", "HIGH", "assignmentGroup", "itsm-agents", "assignee", "bob"), 201)
                .get("number").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> received("bob@example.com", number) != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(number).stream()
                .anyMatch(d -> d.get("payload").asText().contains("\"channel\":\"sms\"")));
        assertThat(journal(number)).anyMatch(m -> m.startsWith("sms notify incident-created: failed for ") && m.contains("503"));
        call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/incidents/" + number + "/start", null, 200);
    }

    @Test
    void mailToTheHubOpensAnIncidentAndAReplyBecomesAComment() throws Exception {
        sendVouchedFor("alice@example.com", "Printer on floor 3 is on fire", "Smoke everywhere.");
        String number = await().atMost(Duration.ofSeconds(20)).until(() -> incidents.list(new io.itsmhub.core.incident.IncidentFilter(
                null, null, null, null, "email", null, null, "alice", null), org.springframework.data.domain.Pageable.unpaged())
                .items().stream().filter(i -> i.title().equals("Printer on floor 3 is on fire")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().number();

        sendVouchedFor("alice@example.com", "Re: [" + number + "] Printer on floor 3 is on fire", "Fire brigade is here.");
        await().atMost(Duration.ofSeconds(20)).until(() -> journal(number).contains("By e-mail: Fire brigade is here."));

        GreenMailUtil.sendTextEmail("hub@example.com", "stranger@else.example", "Free money", "click",
                mail.getSmtp().getServerSetup());
        await().atMost(Duration.ofSeconds(20)).until(() -> call("admin", ADMIN_PASSWORD, HttpMethod.GET, "/api/v1/inbox/review",
                null, 200).toString().contains("unknown sender stranger@else.example"));
    }

    /** A mail whose From domain the hub's receiving server (a trusted authserv-id) saw pass DKIM. */
    private void sendVouchedFor(String from, String subject, String text) throws Exception {
        MimeMessage message = GreenMailUtil.createTextEmail("hub@example.com", from, subject, text,
                mail.getSmtp().getServerSetup());
        message.setHeader("Authentication-Results", "mx.example.com; dkim=pass header.d=example.com");
        message.saveChanges();
        GreenMailUtil.sendMimeMessage(message);
    }

    @Test
    void theHrWebhookTakesJoinersOnlyWithItsTokenAndValidRecords() {
        String joiner = "{\"event\":\"JOINER\",\"username\":\"jo\",\"displayName\":\"Jo Join\",\"email\":\"jo@example.com\",\"manager\":\"mike\"}";
        assertThat(webhook(joiner, null).getStatusCode().value()).isEqualTo(401);
        assertThat(webhook(joiner, "Bearer nope").getStatusCode().value()).isEqualTo(401);
        assertThat(people.find("jo")).isEmpty();

        ResponseEntity<String> bad = webhook("{\"event\":\"JOINER\",\"username\":\"*)(x\"}", "Bearer hr-token");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("[0].username");

        assertThat(webhook(joiner, "Bearer hr-token").getStatusCode().value()).isEqualTo(200);
        assertThat(people.find("jo").orElseThrow().getManager()).isEqualTo("mike");
    }

    @Test
    void aPasswordResetSetsAOneTimePasswordInTheDirectoryAndMailsItOnlyToItsOwner() throws Exception {
        String ticket = call("admin", ADMIN_PASSWORD, HttpMethod.POST, "/api/v1/incidents", Map.of("title", "bob forgot his password"), 201)
                .get("number").asText();
        operations.resetPassword(ticket, "bob");
        await().atMost(Duration.ofSeconds(10)).until(() -> received("bob@example.com", ticket) != null);
        String body = GreenMailUtil.getBody(received("bob@example.com", ticket));
        String password = body.replaceAll("(?s).*One-time password: (\\S+).*", "$1");
        assertThat(password).hasSize(16);
        call("bob", password, HttpMethod.GET, "/api/v1/whoami", null, 200);
        assertThat(exchange("bob", DirectoryServer.samplePassword("bob"), HttpMethod.GET, "/api/v1/whoami", null)
                .getStatusCode().value()).as("the old password no longer works").isEqualTo(401);
        assertThat(journal(ticket)).anyMatch(m -> m.startsWith("ldap reset the password of bob: done"))
                .anyMatch(m -> m.equals("One-time password sent by mail to bob@example.com"))
                .noneMatch(m -> m.contains(password));
        ldap.modify(DirectoryServer.userDn("bob"), new com.unboundid.ldap.sdk.Modification(
                com.unboundid.ldap.sdk.ModificationType.REPLACE, "userPassword", DirectoryServer.samplePassword("bob")));
    }

    @Test
    void anHrBatchWithARecordThatCannotBeAppliedIsRefusedWholeAndNamesTheRecord() {
        ResponseEntity<String> bad = webhook("""
                [{"event":"JOINER","username":"batch.first","displayName":"First","manager":"mike"},
                 {"event":"LEAVER","username":"nobody.known"}]""", "Bearer hr-token");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("[1].username");
        assertThat(people.find("batch.first")).as("all or nothing: the joiner before it is not applied").isEmpty();
    }

    @Test
    void anHrCsvWithABadLineIsMovedToFailedAndAppliesNoneOfItsLines() throws Exception {
        java.nio.file.Files.writeString(HR_DROP.resolve("broken.csv"), """
                event,username,displayName,email,phone,manager,jobRole,group
                JOINER,csv.before,Csv Before,csv.before@example.com,,mike,,
                LEAVER,csv.nobody,,,,,,
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> java.nio.file.Files.exists(HR_DROP.resolve(".failed/broken.csv")));
        assertThat(people.find("csv.before")).isEmpty();
        assertThat(HR_DROP.resolve(".done/broken.csv")).doesNotExist();
    }

    @Test
    void anHrCsvDroppedInTheFolderIsAppliedAndMovedAside() throws Exception {
        java.nio.file.Files.writeString(HR_DROP.resolve("export.csv"), """
                event,username,displayName,email,phone,manager,jobRole,group
                JOINER,csv.one,Csv One,csv.one@example.com,+41 79 555 07 07,mike,,
                JOINER,csv.two,Csv Two,csv.two@example.com,,bob,,
                """);
        await().atMost(Duration.ofSeconds(20)).until(() -> people.find("csv.two").isPresent());
        assertThat(people.find("csv.one").orElseThrow().getPhone()).isEqualTo("+41 79 555 07 07");
        assertThat(people.find("csv.two").orElseThrow().getManager()).isEqualTo("bob");
        await().atMost(Duration.ofSeconds(10)).until(() -> java.nio.file.Files.exists(HR_DROP.resolve(".done/export.csv")));
    }

    private static java.nio.file.Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("hr-drop-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAccessRequestApprovedByTheManagerAddsTheGroupInTheDirectoryAndClosesItself() {
        Map<String, Object> item = Map.of("code", "ldap-access", "name", "Access to a directory group", "form", List.of(
                Map.of("name", "group", "label", "Group", "type", "TEXT", "required", true)), "approvalRequired", true,
                "fulfilmentGroup", "itsm-agents", "approvalChain", List.of(Map.of("kind", "MANAGER")), "fulfilment", "directory-access",
                "grantableGroups", List.of("payments-db-readers"));
        call("admin", ADMIN_PASSWORD, HttpMethod.PUT, "/api/v1/catalog/ldap-access", item, 200);
        String bob = DirectoryServer.samplePassword("bob");
        String number = call("bob", bob, HttpMethod.POST, "/api/v1/requests", Map.of("catalogItem", "ldap-access",
                "values", Map.of("group", "payments-db-readers")), 201).get("number").asText();
        call("mike", DirectoryServer.samplePassword("mike"), HttpMethod.POST, "/api/v1/requests/" + number + "/approve", null, 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "FULFILLED".equals(call("bob", bob, HttpMethod.GET,
                "/api/v1/requests/" + number, null, 200).path("status").asText()));
        assertThat(ldap.entry(DirectoryServer.groupDn("payments-db-readers")).getAttributeValues("member"))
                .contains(DirectoryServer.userDn("bob"));
        assertThat(call("admin", ADMIN_PASSWORD, HttpMethod.GET, "/api/v1/requests/" + number + "/journal", null, 200)
                .findValuesAsText("message")).anyMatch(m -> m.startsWith("ldap add bob to payments-db-readers: done"));
    }

    private ResponseEntity<String> webhook(String body, String authorization) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.postForEntity("/webhooks/hr", new HttpEntity<>(body, headers), String.class);
    }

    private MimeMessage received(String to, String number) throws Exception {
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(to))
                    && m.getSubject() != null && m.getSubject().contains(number)) {
                return m;
            }
        }
        return null;
    }

    private List<LoggedRequest> sms(String phone) {
        return peers.findAll(postRequestedFor(urlPathEqualTo("/sms/send"))).stream()
                .filter(r -> r.getBodyAsString().contains(phone)).toList();
    }

    private List<JsonNode> deadLetters(String number) {
        List<JsonNode> out = new java.util.ArrayList<>();
        call("admin", ADMIN_PASSWORD, HttpMethod.GET, "/api/v1/integrations/dead-letters", null, 200)
                .forEach(d -> { if (number.equals(d.path("ticketNumber").asText())) out.add(d); });
        return out;
    }

    private List<String> journal(String number) {
        return incidents.journal(number).stream().map(JournalEntryView::message).filter(Objects::nonNull).toList();
    }

    private static String dingTalkSign(String timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode call(String user, String password, HttpMethod method, String url, Object body, int expected) {
        ResponseEntity<String> answer = exchange(user, password, method, url, body);
        assertThat(answer.getStatusCode().value()).as("%s %s → %s", method, url, answer.getBody()).isEqualTo(expected);
        try {
            return answer.getBody() == null ? json.createObjectNode() : json.readTree(answer.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.getBody(), e);
        }
    }

    private ResponseEntity<String> exchange(String user, String password, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }
}
