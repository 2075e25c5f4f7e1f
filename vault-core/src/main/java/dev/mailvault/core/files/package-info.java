/**
 * Files that commands write where the person says: replaced in one step, so that a reader never
 * sees half a file.
 */
package dev.mailvault.core.files;
