import type { DeepStrings } from '../../i18n/deep-strings.js';
import type { searchVi } from './messages.vi.js';

/** English strings of the site search; the same keys as the Vietnamese ones. */
export const searchEn: DeepStrings<typeof searchVi> = {
  pageTitleWithQuery: '{{query}} · Search',
  pageTitle: 'Search',
  heading: 'Search',
  label: 'Search terms',
  hint: 'Diacritics are optional, for example: chuyen doi so',
  submit: 'Search',
  searching: 'Searching…',
  resultsHeading: 'Search results',
  resultCount: 'Results for “{{query}}”: {{total}}',
  noResults: 'Nothing found for “{{query}}”. Try a shorter or a different search term.',
  prompt: 'Enter a search term to find plans, tasks, targets, movements and initiatives.',
  types: {
    plan: 'Plan',
    taskGroup: 'Task group',
    task: 'Task',
    indicator: 'Target',
    campaign: 'Emulation movement',
    initiative: 'Initiative',
    organization: 'Organisation',
    dataset: 'Dataset',
    unit: 'Unit',
    other: 'Content',
  },
};
