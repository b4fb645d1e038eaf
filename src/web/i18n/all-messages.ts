import type { Resource } from 'i18next';
import { en } from './en.js';
import { vi } from './vi.js';

/** Every string in both languages, for tests (the app loads them part by part). */
export const allResources: Resource = { vi: { translation: vi }, en: { translation: en } };
