-- Custom fields: per ticket type and desk (a desk's own definition of a name wins over its ancestors'), typed, with
-- conditions on the other fields. Values live in the ticket's attributes (JSON); ticket_attribute holds them again,
-- one row per value, so that lists filter and sort on them with an index (the JSON is the record, this is the index).
CREATE TABLE custom_field (
    ticket_type   VARCHAR(30) NOT NULL,
    desk_code     VARCHAR(40) NOT NULL REFERENCES service_desk (code),
    name          VARCHAR(40) NOT NULL,
    label         VARCHAR(200) NOT NULL,
    label_zh      VARCHAR(200),
    field_type    VARCHAR(20) NOT NULL,
    required      BOOLEAN NOT NULL,
    required_when VARCHAR(500),
    visible_when  VARCHAR(500),
    default_value VARCHAR(4000),
    min_value     DECIMAL(30, 6),
    max_value     DECIMAL(30, 6),
    pattern       VARCHAR(500),
    options       VARCHAR(10000),
    position      INTEGER NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_type, desk_code, name)
);

CREATE TABLE ticket_attribute (
    ticket_number VARCHAR(20) NOT NULL,
    name          VARCHAR(40) NOT NULL,
    text_value    VARCHAR(1000),
    number_value  DECIMAL(30, 6),
    PRIMARY KEY (ticket_number, name)
);
CREATE INDEX ticket_attribute_text ON ticket_attribute (name, text_value);
CREATE INDEX ticket_attribute_number ON ticket_attribute (name, number_value);
