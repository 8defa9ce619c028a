import type { Examinability } from './schema.ts';

/** Reader-facing names of the examinability markers, in English with the notes' own words. */
export const EXAMINABILITY_LABELS: Record<Exclude<Examinability, 'unmarked'>, { en: string; zh: string }> = {
  'not-examined': { en: 'Not examined', zh: '不考' },
  'may-be-examined': { en: 'May be examined', zh: '可能考' },
  'probably-not-examined': { en: 'Probably not examined', zh: '可能不考' },
};
