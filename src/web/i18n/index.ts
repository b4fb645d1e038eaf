import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, isLocale, localeCookieName, locales, type Locale } from '../../shared/contracts/common.js';
import { coreVi } from './core.vi.js';

/** localStorage key holding the visitor's chosen language. */
export const localeStorageKey = 'doimoi.locale';

// The web app imports it from here: it keeps the app's i18n modules in one chunk with their callers (importing
// it from src/shared instead split them, and added 0.5 KB gzip to what every page downloads).
export { isLocale };

type Loader = () => Promise<object>;

/**
 * The strings each part of the app brings, per language, loaded with its first page: a visitor of the
 * home page downloads only the core strings of their language.
 */
export const messageBundles = {
  identity: {
    vi: () => import('../features/identity/messages.vi.js').then((m) => m.identityVi),
    en: () => import('../features/identity/messages.en.js').then((m) => m.identityEn),
  },
  admin: {
    vi: () => import('../features/admin/messages.vi.js').then((m) => ({ admin: m.adminVi })),
    en: () => import('../features/admin/messages.en.js').then((m) => ({ admin: m.adminEn })),
  },
  units: {
    vi: () => import('../features/units/messages.vi.js').then((m) => ({ units: m.unitsVi })),
    en: () => import('../features/units/messages.en.js').then((m) => ({ units: m.unitsEn })),
  },
  plans: {
    vi: () => import('../features/plans/messages.vi.js').then((m) => ({ plans: m.plansVi })),
    en: () => import('../features/plans/messages.en.js').then((m) => ({ plans: m.plansEn })),
  },
  indicators: {
    vi: () => import('../features/indicators/messages.vi.js').then((m) => ({ indicators: m.indicatorsVi })),
    en: () => import('../features/indicators/messages.en.js').then((m) => ({ indicators: m.indicatorsEn })),
  },
  movement: {
    vi: () => import('../features/movement/messages.vi.js').then((m) => ({ movement: m.movementVi })),
    en: () => import('../features/movement/messages.en.js').then((m) => ({ movement: m.movementEn })),
  },
  commendation: {
    vi: () => import('../features/commendation/messages.vi.js').then((m) => ({ commendation: m.commendationVi })),
    en: () => import('../features/commendation/messages.en.js').then((m) => ({ commendation: m.commendationEn })),
  },
  search: {
    vi: () => import('../features/search/messages.vi.js').then((m) => ({ search: m.searchVi })),
    en: () => import('../features/search/messages.en.js').then((m) => ({ search: m.searchEn })),
  },
  workspace: {
    vi: () => import('../features/workspace/messages.vi.js').then((m) => ({ workspace: m.workspaceVi })),
    en: () => import('../features/workspace/messages.en.js').then((m) => ({ workspace: m.workspaceEn })),
  },
  ecosystem: {
    vi: () => import('../features/ecosystem/messages.vi.js').then((m) => ({ ecosystem: m.ecosystemVi })),
    en: () => import('../features/ecosystem/messages.en.js').then((m) => ({ ecosystem: m.ecosystemEn })),
  },
  opendata: {
    vi: () => import('../features/opendata/messages.vi.js').then((m) => ({ opendata: m.opendataVi })),
    en: () => import('../features/opendata/messages.en.js').then((m) => ({ opendata: m.opendataEn })),
  },
  reports: {
    vi: () => import('../features/reports/messages.vi.js').then((m) => ({ reports: m.reportsVi })),
    en: () => import('../features/reports/messages.en.js').then((m) => ({ reports: m.reportsEn })),
  },
} satisfies Record<string, Record<Locale, Loader>>;

export type MessageBundle = keyof typeof messageBundles;

/** The core strings; Vietnamese, the default language, comes with the app. */
const coreLoaders: Record<Locale, Loader> = {
  vi: async () => coreVi,
  en: () => import('./core.en.js').then((m) => m.coreEn),
};

type LoadState = { wanted: Set<MessageBundle>; loaded: Set<string> };
const states = new WeakMap<I18n, LoadState>();
let appInstance: I18n | null = null;

/**
 * react-i18next (17) hands components a copy of the instance that changes with the language, keeping
 * the real one as `__original`: loading state and language changes belong to the real one.
 */
function unwrap(instance: I18n): I18n {
  return (instance as I18n & { __original?: I18n }).__original ?? instance;
}

function stateOf(instance: I18n): LoadState {
  let state = states.get(instance);
  if (!state) {
    state = { wanted: new Set(), loaded: new Set(['core:vi']) };
    states.set(instance, state);
  }
  return state;
}

/**
 * Creates an i18next instance; no DOM access. By default it holds the Vietnamese core strings and
 * loads the rest as pages need them; tests pass every string (`all-messages.ts`).
 */
export function createI18n(initialLocale: Locale = defaultLocale, resources: Resource = { vi: { translation: coreVi } }): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: initialLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    resources,
    partialBundledLanguages: true,
    initAsync: false,
    // React escapes text itself; escaping here would show "&amp;" to visitors.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  appInstance = instance;
  return instance;
}

function currentLocale(instance: I18n): Locale {
  return isLocale(instance.language) ? instance.language : defaultLocale;
}

/** Loads, in `locale` (by default the current language), the core strings and the given bundles once each. */
export async function loadMessages(given: I18n, bundles: readonly MessageBundle[], locale: Locale = currentLocale(given)): Promise<void> {
  const instance = unwrap(given);
  const state = stateOf(instance);
  for (const bundle of bundles) state.wanted.add(bundle);
  const parts: Array<[string, Loader]> = [
    [`core:${locale}`, coreLoaders[locale]],
    ...bundles.map((bundle): [string, Loader] => [`${bundle}:${locale}`, messageBundles[bundle][locale]]),
  ];
  await Promise.all(
    parts
      .filter(([key]) => !state.loaded.has(key))
      .map(async ([key, load]) => {
        instance.addResourceBundle(locale, 'translation', await load(), true, true);
        state.loaded.add(key);
      }),
  );
}

/** Loads the core strings of the language the app starts in, and settles i18next on that language. */
export async function startIn(instance: I18n, locale: Locale): Promise<void> {
  await loadMessages(instance, [], locale);
  await instance.changeLanguage(locale);
}

/** For a route that loads with its first visit: the strings its page needs, in the current language. */
export function loadPageMessages(bundles: readonly MessageBundle[]): Promise<void> {
  return appInstance ? loadMessages(appInstance, bundles) : Promise.resolve();
}

/** Switches the page's language once every string the pages seen so far need is there in it. */
export async function switchLocale(given: I18n, locale: Locale): Promise<void> {
  const instance = unwrap(given);
  await loadMessages(instance, [...stateOf(instance).wanted], locale);
  await instance.changeLanguage(locale);
}

/** The language saved by the switch, else Vietnamese. Storage can be unavailable (privacy modes). */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  try {
    const stored = storage?.getItem(localeStorageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

/**
 * Keeps <html lang>, the saved choice and the cookie that tells the server (which renders the page's first
 * paint in it) in step with the active language.
 */
export function bindLocaleToDocument(instance: I18n, doc: Document, storage: Pick<Storage, 'setItem'> | undefined): void {
  const apply = (language: string): void => {
    const locale = isLocale(language) ? language : defaultLocale;
    doc.documentElement.lang = locale;
    doc.cookie = `${localeCookieName}=${locale}; path=/; max-age=31536000; samesite=lax`;
    try {
      storage?.setItem(localeStorageKey, locale);
    } catch {
      // Not persisting is acceptable: the page still switches.
    }
  };
  apply(instance.language);
  instance.on('languageChanged', apply);
}
