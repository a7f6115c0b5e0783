import 'server-only';

export type AdWindow = { active: boolean; startsAt: Date | null; endsAt: Date | null };

/** Whether a slot runs at `now`: switched on, started (or open-ended) and not yet ended; the end is exclusive. */
export function isAdSlotLive(slot: AdWindow, now: Date): boolean {
  if (!slot.active) return false;
  if (slot.startsAt && slot.startsAt.getTime() > now.getTime()) return false;
  if (slot.endsAt && slot.endsAt.getTime() <= now.getTime()) return false;
  return true;
}

export type AdSlotStatus = 'live' | 'scheduled' | 'expired' | 'inactive';

/** How the dashboard describes a slot at `now`: switched off, waiting for its start, past its end, or running. */
export function adSlotStatus(slot: AdWindow, now: Date): AdSlotStatus {
  if (!slot.active) return 'inactive';
  if (slot.endsAt && slot.endsAt.getTime() <= now.getTime()) return 'expired';
  if (slot.startsAt && slot.startsAt.getTime() > now.getTime()) return 'scheduled';
  return 'live';
}
