/**
 * Service desks: a tree (head office → branches → …). A support group belongs to one desk; a desk sees its own
 * tickets and, unless configured otherwise, those of the desks below it. {@link io.itsmhub.core.desk.DeskScope} is the
 * one answer to "which desks may this person see", for every read path to ask. Tickets are placed on desks by the
 * ticket kernel (issue 14, next step); this package holds the tree, its rules and its API.
 */
package io.itsmhub.core.desk;
