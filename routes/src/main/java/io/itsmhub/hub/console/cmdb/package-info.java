/**
 * The CMDB pages: searching configuration items by class, name and lifecycle, and one CI's page with its
 * attributes, its relations drawn as an Apache ECharts graph (what it needs and what needs it, transitively;
 * the option is built here as JSON and drawn by cmdb.js) and listed as plain text, and the incidents and changes
 * that name it. Start reading at {@link io.itsmhub.hub.console.cmdb.CiPage}.
 */
package io.itsmhub.hub.console.cmdb;
