/**
 * {@code vault demo}: an embedded mail server over TLS, a demo vault shaped like a real one, and
 * the guided tour of real commands that shows Mail Vault at work without a mail account.
 */
package dev.mailvault.core.demo;
