import type { OfficeStatus } from '../../../shared/offices.js';

export interface StaffPresence {
  /** On duty for this office (available or paused). */
  onDuty: number;
  /** On duty, not paused and not in a consultation. */
  free: number;
}

/** The live status is derived from the opening hours and who is on duty — never stored. */
export function liveStatus(open: boolean, staff: StaffPresence): OfficeStatus {
  if (!open) return 'closed';
  if (staff.onDuty === 0) return 'open_unstaffed';
  return staff.free > 0 ? 'open_free' : 'open_busy';
}
