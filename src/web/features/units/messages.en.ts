import type { DeepStrings } from '../../i18n/deep-strings.js';
import type { unitsVi } from './messages.vi.js';

/** English UI strings of the public unit directory; the same keys as the Vietnamese ones. */
export const unitsEn: DeepStrings<typeof unitsVi> = {
  directory: {
    pageTitle: 'Units',
    heading: 'Departments, wards and communes',
    intro: "Ho Chi Minh City's units taking part in the innovation and digital-transformation programme.",
    filter: 'Find a unit',
    filterHint: 'Type a name or code, with or without diacritics, e.g. "ben thanh".',
    count: '{{shown}} of {{total}} units',
    empty: 'No unit matches.',
    groups: {
      agencies: 'Departments and agencies',
      communeLevel: 'Wards, communes and the special zone',
    },
    emptyNext: 'Try fewer letters or leave out the diacritics, such as "ben thanh".',
  },
  unit: {
    kind: 'Kind of unit',
    code: 'Unit code',
    parent: 'Part of',
    children: 'Units below it',
    notFoundHeading: 'Unit not found',
    notFoundBody: 'No active unit has the code "{{code}}".',
    backToDirectory: 'Back to the list of units',
  },
};
