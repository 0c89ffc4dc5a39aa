/**
 * The operations dashboard (and its big-screen mode): every figure comes from one tested query of itsm-core's
 * {@code OperationsMetrics}, the same report {@code GET /api/v1/metrics/operations} answers; this package only lays
 * the figures out and turns their daily series into ECharts options.
 */
package io.itsmhub.hub.console.dashboard;
