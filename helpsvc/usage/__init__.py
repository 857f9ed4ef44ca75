"""The PSTN usage report: reading and writing its CSV export, replay and funding advice."""
