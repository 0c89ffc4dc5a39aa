package io.itsmhub.core.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the SLA table: e.g. the head office's incident P1 → respond in 15 min, resolve in 4 h. Key: "HQ:incident:P1". */
@Entity
@Table(name = "sla_target")
public class SlaTarget {

    @Id
    @Column(length = 40)
    private String id;

    @Column(name = "desk_code", nullable = false, length = 40)
    private String desk;

    @Column(name = "ticket_type", nullable = false, length = 20)
    private String ticketType;

    @Column(nullable = false, length = 2)
    private String priority;

    @Column(name = "response_minutes", nullable = false)
    private int responseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    protected SlaTarget() { }

    public SlaTarget(String desk, String ticketType, String priority, int responseMinutes, int resolutionMinutes) {
        this.id = key(desk, ticketType, priority);
        this.desk = desk;
        this.ticketType = ticketType;
        this.priority = priority;
        this.responseMinutes = responseMinutes;
        this.resolutionMinutes = resolutionMinutes;
    }

    static String key(String desk, String ticketType, String priority) {
        return desk + ":" + ticketType + ":" + priority;
    }

    public String getDesk() { return desk; }
    public String getTicketType() { return ticketType; }
    public String getPriority() { return priority; }
    public int getResponseMinutes() { return responseMinutes; }
    public int getResolutionMinutes() { return resolutionMinutes; }
    public void setResponseMinutes(int responseMinutes) { this.responseMinutes = responseMinutes; }
    public void setResolutionMinutes(int resolutionMinutes) { this.resolutionMinutes = resolutionMinutes; }
}
