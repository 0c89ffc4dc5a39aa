package io.itsmhub.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ITSM record on its own, as tests start it: no Camel, no connectors. */
@SpringBootApplication
public class CoreTestApplication { }
