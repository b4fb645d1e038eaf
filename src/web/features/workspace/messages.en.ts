import type { DeepStrings } from '../../i18n/deep-strings.js';
import type { workspaceVi } from './messages.vi.js';

/** English strings of the workspace; the same keys as the Vietnamese ones. */
export const workspaceEn: DeepStrings<typeof workspaceVi> = {
  pageTitle: 'My work',
  heading: 'My work',
  intro: 'What is waiting for you, by role. Pick a job to do it now.',
  openCount: 'Waiting: {{total}}',
  nothingOpen: 'Nothing is waiting for you.',
  nothingWaiting: 'Nothing waiting',
  breakdown: 'Details: {{label}}',
  urgency: {
    overdue: 'Overdue',
    due: 'To do',
    info: 'To watch',
  },
  roles: {
    administrator: 'Administration',
    programme_manager: 'Programme management',
    leader: 'City leadership',
    unit_officer: 'Unit officer',
    reviewer: 'Initiative council member',
    registered_user: 'My initiatives',
  },
};
