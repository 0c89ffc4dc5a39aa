package io.itsmhub.core.field;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One custom-field value of a ticket as lists query it (written by {@link CustomFields#index}, read-only here): the
 * entity exists so that a list's criteria can filter and sort on it with a subquery.
 */
@Entity
@Table(name = "ticket_attribute")
@IdClass(TicketAttribute.Key.class)
public class TicketAttribute {

    public record Key(String ticketNumber, String name) implements Serializable { }

    @Id
    @Column(name = "ticket_number", insertable = false, updatable = false)
    private String ticketNumber;

    @Id
    @Column(insertable = false, updatable = false)
    private String name;

    @Column(name = "text_value", insertable = false, updatable = false)
    private String textValue;

    @Column(name = "number_value", insertable = false, updatable = false)
    private BigDecimal numberValue;

    protected TicketAttribute() { }
}
