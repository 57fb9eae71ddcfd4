import {
  MODEL_FACT_KEYS,
  type ModelDescriptionContent,
  type ModelFactKey,
  type ModelSectionKey,
} from '@kehittamo/shared/domain';

export type ExportLanguage = 'fi' | 'sv' | 'en';

/** Everything the Markdown, DOCX and PDF renderers need; the caller resolves labels and loads the content. */
export interface ModelExportInput {
  name: string;
  /** The phase's label in `language`, already resolved from the project's phase configuration. */
  phaseLabel: string;
  workPackages: string[];
  tags: string[];
  spaceName: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  content: ModelDescriptionContent;
  language: ExportLanguage;
}

export type ExportLabelKey =
  | ModelFactKey
  | ModelSectionKey
  | 'structure'
  | 'phase'
  | 'workPackages'
  | 'tags'
  | 'created'
  | 'modified'
  | 'basicFacts'
  | 'space'
  | 'exportedFrom';

/** Field labels; the Finnish ones are Innokylä's own so that an export reads like the national form. */
export const EXPORT_LABELS: Record<
  ExportLanguage,
  Record<ExportLabelKey, string>
> = {
  fi: {
    summary: 'Lyhyt kuvaus',
    place: 'Toteutuspaikka',
    organisations: 'Alue/organisaatiot',
    funders: 'Rahoittaja(t)',
    authors: 'Tekijä(t)',
    coverImageUrl: 'Kansikuva',
    programmeName: 'Kokonaisuus',
    programmeUrl: 'Kokonaisuuden verkko-osoite',
    basicIdea: 'Ratkaisun perusidea',
    environment: 'Toimintaympäristö',
    targetGroup: 'Kohderyhmä ja asiakasymmärrys',
    conditions: 'Toimivuuden ja käyttöönoton ehdot',
    evaluation: 'Arvioinnin tulokset tiivistettynä',
    tips: 'Vinkit toimintamallin soveltajille',
    structure: 'Rakenne',
    phase: 'Kehittämisen vaihe',
    workPackages: 'Työpaketit',
    tags: 'Asiasanat',
    created: 'Luotu',
    modified: 'Muokattu',
    basicFacts: 'Perustiedot',
    space: 'Työtila',
    exportedFrom: 'Viety Kehittämöstä',
  },
  sv: {
    summary: 'Kort beskrivning',
    place: 'Genomförandeplats',
    organisations: 'Område/organisationer',
    funders: 'Finansiär(er)',
    authors: 'Upphovsperson(er)',
    coverImageUrl: 'Omslagsbild',
    programmeName: 'Helhet',
    programmeUrl: 'Helhetens webbadress',
    basicIdea: 'Lösningens grundidé',
    environment: 'Verksamhetsmiljö',
    targetGroup: 'Målgrupp och kundförståelse',
    conditions: 'Förutsättningar för fungerande verksamhet och ibruktagande',
    evaluation: 'Sammanfattning av utvärderingsresultaten',
    tips: 'Tips för dem som tillämpar verksamhetsmodellen',
    structure: 'Struktur',
    phase: 'Utvecklingsfas',
    workPackages: 'Arbetspaket',
    tags: 'Ämnesord',
    created: 'Skapad',
    modified: 'Ändrad',
    basicFacts: 'Grunduppgifter',
    space: 'Arbetsrum',
    exportedFrom: 'Exporterad från Kehittämö',
  },
  en: {
    summary: 'Short description',
    place: 'Place of implementation',
    organisations: 'Region/organisations',
    funders: 'Funder(s)',
    authors: 'Author(s)',
    coverImageUrl: 'Cover image',
    programmeName: 'Programme',
    programmeUrl: 'Programme web address',
    basicIdea: 'Basic idea of the solution',
    environment: 'Operating environment',
    targetGroup: 'Target group and customer insight',
    conditions: 'Conditions for functioning and implementation',
    evaluation: 'Evaluation results in brief',
    tips: 'Tips for those adopting the model',
    structure: 'Structure',
    phase: 'Development phase',
    workPackages: 'Work packages',
    tags: 'Keywords',
    created: 'Created',
    modified: 'Modified',
    basicFacts: 'Basic facts',
    space: 'Workspace',
    exportedFrom: 'Exported from Kehittämö',
  },
};

/** Shown for an empty field, so that the reader sees it is empty rather than missing from the export. */
export const EMPTY_FIELD = '—';

/** Facts that hold a web address; the renderers make them links when the address is safe. */
export const URL_FACT_KEYS: readonly ModelFactKey[] = [
  'coverImageUrl',
  'programmeUrl',
];

/** BCP 47 tags for dates and for the documents' language metadata; Swedish is Finland Swedish. */
export const EXPORT_LOCALES: Record<ExportLanguage, string> = {
  fi: 'fi-FI',
  sv: 'sv-FI',
  en: 'en-GB',
};

/** A timestamp as the reader's calendar date in Finland; anything unparseable is shown as given. */
export function formatExportDate(
  iso: string,
  language: ExportLanguage,
): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(EXPORT_LOCALES[language], {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).format(date);
}

/** One row of the basic facts; `url` marks a value the renderers may turn into a link. */
export interface BasicFactRow {
  key: ExportLabelKey;
  label: string;
  /** Empty when the field is empty: each renderer shows EMPTY_FIELD in its own way. */
  value: string;
  url: boolean;
}

/** The basic facts in the order every format shows them: the database fields, then the Innokylä facts, then dates. */
export function basicFactRows(input: ModelExportInput): BasicFactRow[] {
  const labels = EXPORT_LABELS[input.language];
  const row = (
    key: ExportLabelKey,
    value: string,
    url = false,
  ): BasicFactRow => ({
    key,
    label: labels[key],
    value: value.trim(),
    url,
  });
  const facts: Partial<Record<ModelFactKey, unknown>> =
    input.content.facts ?? {};
  // Facts come from a collaborative document, so a value may not be a string after all.
  const fact = (key: ModelFactKey): string => {
    const value = facts[key];
    return typeof value === 'string' ? value : '';
  };
  return [
    row('phase', input.phaseLabel),
    row('workPackages', input.workPackages.join(', ')),
    row('tags', input.tags.join(', ')),
    ...MODEL_FACT_KEYS.map((key) =>
      row(key, fact(key), URL_FACT_KEYS.includes(key)),
    ),
    row('space', input.spaceName),
    row('created', formatExportDate(input.createdAt, input.language)),
    row('modified', formatExportDate(input.updatedAt, input.language)),
  ];
}
