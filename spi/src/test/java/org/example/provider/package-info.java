/**
 * The adapter guide's worked example: a host's own storage provider, outside Keyline's packages,
 * that Keyline's compatibility kit runs like any other. docs/adapter-guide.md shows its code word
 * for word.
 */
package org.example.provider;
