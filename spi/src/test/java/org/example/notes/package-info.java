/**
 * A tiny area of a host, outside Keyline's packages, that proves an area plugs into Keyline
 * without editing it: one aggregate ({@link org.example.notes.Note}), one event, one repository
 * port, its registration objects and its contract. It registers itself for
 * {@link java.util.ServiceLoader} in this test tree's {@code META-INF/services}.
 */
package org.example.notes;
