/** Mail Vault core. */
package dev.mailvault.core;
