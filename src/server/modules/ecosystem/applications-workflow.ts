import type { ApplicationStatus } from '../../../shared/contracts/ecosystem.js';

/** The moves a programme's staff may make on an application; anything else is refused. */
export const applicationMoves: ReadonlyArray<{ from: ApplicationStatus; to: ApplicationStatus }> = [
  { from: 'received', to: 'shortlisted' },
  { from: 'received', to: 'not_accepted' },
  { from: 'shortlisted', to: 'accepted' },
  { from: 'shortlisted', to: 'not_accepted' },
];

export const canMove = (from: ApplicationStatus, to: ApplicationStatus): boolean =>
  applicationMoves.some((m) => m.from === from && m.to === to);
