/**
 * Rotation reminders: which credentials are due, counted without unlocking ({@link
 * dev.mailvault.core.remind.Reminders#counts}) or named from an unlocked vault; the calendar
 * export; the daily job and its notification.
 *
 * <p>Due dates are calendar dates in the zone of the injected {@link java.time.Clock}; the CLI and
 * the desktop app pass the system zone.
 */
package dev.mailvault.core.remind;
