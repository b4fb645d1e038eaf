import type { DeepStrings } from '../../i18n/deep-strings.js';
import type { portalVi } from './messages.vi.js';

/** English strings of the home page; the same keys as the Vietnamese ones. */
export const portalEn: DeepStrings<typeof portalVi> = {
  pageTitle: 'Home',
  kicker: '{{city}} · Resolution 57-NQ/TW',
  title: 'Science, technology, innovation and digital transformation',
  lead: "Public tracking of the city's plans: the tasks assigned to every department, sector and locality, the targets for 2030, and the innovation emulation movement.",
  searchCta: 'Search tasks, targets and initiatives',
  units: {
    heading: 'Implementing units',
    intro: "Two-level local government since July 2025: the city's departments and agencies, and the commune-level authorities.",
    departmentsAndAgencies: 'Departments and agencies',
    wards: 'Wards',
    communes: 'Communes',
    specialZones: 'Special zones',
    directoryLink: 'See the list of units',
  },
  plans: {
    heading: 'Implementation plans',
    period: 'Period {{start}}–{{end}}',
    issuedBy: 'Issued by: {{body}}',
    issuedOn: 'Issued on: {{date}}',
    taskGroupsHeading: 'Task groups and solutions ({{total}})',
    empty: 'No plan has been published yet.',
  },
  targets: {
    heading: 'Targets for 2030',
    intro: 'The main targets the city has set; current figures come from published reports.',
    target: '{{year}} target',
    baseline: 'Baseline',
    baselineWithYear: 'Baseline ({{year}})',
    noTarget: 'Not set',
    illustrative: 'Illustrative',
    illustrativeHint: 'Illustrative figure, not stated in the source documents',
    directionHigher: 'Higher is better',
    directionLower: 'Lower is better',
    empty: 'No target has been published yet.',
  },
  campaigns: {
    heading: 'Emulation movement',
    period: 'Runs from {{start}} to {{end}}',
    phasesHeading: 'Phases',
    phase: 'Phase {{order}}',
    phaseDates: '{{start}} – {{end}}',
    interimReview: 'Interim review',
    finalReview: 'Final review',
    reviewOn: '{{review}}: {{date}}',
    empty: 'No emulation movement has been launched yet.',
  },
};
