/**
 * The staff console's HTTP shapes. They are the server's own schemas (src/shared/staff.ts),
 * imported as types only, so a change on either side fails the type check instead of the page.
 */
export type { CallAnswer, DutyState, StaffMe } from '../../shared/staff.js';
import type { StaffMe } from '../../shared/staff.js';

export type StaffOffice = StaffMe['offices'][number];
