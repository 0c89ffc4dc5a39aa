/** The service catalog: orderable items, each with a typed form schema that requests are validated against. */
package io.itsmhub.core.request.catalog;
