import type { LocalizedText } from '../../../shared/contracts/common.js';
import { useLocalized } from '../../i18n/use-locale.js';
import { useCampaigns } from './api.js';

/** The name of a field of application from its code, in the current language. */
export function useFieldNames(): (code: string) => string {
  const campaigns = useCampaigns();
  const localized = useLocalized();
  const names = new Map<string, LocalizedText>();
  for (const c of campaigns.data?.campaigns ?? []) for (const f of c.fields) names.set(f.code, f.name);
  return (code: string) => {
    const name = names.get(code);
    return name ? localized(name) : code;
  };
}
