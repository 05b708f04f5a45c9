"""The emulator's own cmdlets (module Pshv.Lab): shape the lab (hosts, workloads), schedule
faults for the migration core, move the simulated clock, and save, import or reset the lab."""
