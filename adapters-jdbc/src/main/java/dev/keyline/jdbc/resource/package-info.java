/** The network-resource area in the JDBC provider: its repositories and migrations 300–399. */
package dev.keyline.jdbc.resource;
