/** The billing area's in-memory repositories: billing accounts and arrears facts. */
package dev.keyline.memory.billing;
