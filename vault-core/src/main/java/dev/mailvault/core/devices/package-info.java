/** Devices that hold mail passwords: which need the new value typed in, and how on each kind. */
package dev.mailvault.core.devices;
