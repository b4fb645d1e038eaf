import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../shared/contracts/common.js';
import type { Section } from '../../../shared/contracts/reports.js';
import { TextAreaField } from '../../components/form/fields.js';
import type { FormValues } from '../../components/form/paths.js';
import type { FormApi } from '../../components/form/use-form.js';
import { useLocalized } from '../../i18n/use-locale.js';

/*
 * The sections of a report's text (results, difficulties, …) as its regime lists them: read, or written
 * in a form with one text box per section, named by the section's key.
 */

type WrittenSection = Section & { text: string };

/** Each section's title over what was written in it. */
export function SectionTexts({ sections }: { sections: readonly WrittenSection[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return sections.map((s) => (
    <div key={s.key}>
      <h3>{localized(s.title)}</h3>
      <p className="prewrap">{s.text || t('reports.common.none')}</p>
    </div>
  ));
}

/** The form's values, labels and server paths for the sections (`sections.results` is the field `results`), and the body's `sections`. */
export function sectionForm(sections: readonly WrittenSection[], localized: (text: LocalizedText) => string) {
  const bySection = <T,>(entry: (s: WrittenSection) => T) => Object.fromEntries(sections.map((s) => [s.key, entry(s)]));
  return {
    values: bySection((s) => s.text),
    labels: bySection((s) => localized(s.title)),
    serverPaths: Object.fromEntries(sections.map((s) => [`sections.${s.key}`, s.key])),
    toInput: (values: Readonly<Record<string, unknown>>) => bySection((s) => String(values[s.key] ?? '')),
  };
}

type SectionFieldsProps = {
  form: FormApi<FormValues>;
  sections: readonly WrittenSection[];
  rows: number;
  maxLength: number;
};

/** A text box per section, none required: the contract lets a section stay empty. */
export function SectionFields({ form, sections, rows, maxLength }: SectionFieldsProps) {
  return sections.map((s) => <TextAreaField key={s.key} form={form} name={s.key} rows={rows} maxLength={maxLength} isOptional />);
}
