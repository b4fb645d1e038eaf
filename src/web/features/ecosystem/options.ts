import {
  ecosystemFieldNames,
  ecosystemFields,
  organisationKindNames,
  organisationKinds,
  startupStageNames,
  startupStages,
} from '../../../shared/contracts/ecosystem.js';
import { useLocalized } from '../../i18n/use-locale.js';

/** The ecosystem's choices (kinds, fields, stages) as select and checkbox options in the page's language. */
export function useEcosystemOptions() {
  const localized = useLocalized();
  return {
    kinds: organisationKinds.map((k) => ({ value: k, label: localized(organisationKindNames[k]) })),
    fields: ecosystemFields.map((f) => ({ value: f, label: localized(ecosystemFieldNames[f]) })),
    stages: startupStages.map((s) => ({ value: s, label: localized(startupStageNames[s]) })),
  };
}
