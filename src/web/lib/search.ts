/** Accent-insensitive office search: "gewerbeamt" finds "Gewerbeamt", "buro" finds "Büro". */
import type { OfficeSummary } from '../../shared/offices.js';

/** Lower case, without accents, ß as ss, runs of white space as one space. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Offices whose name or description contains every word of the query. */
export function filterOffices<T extends Pick<OfficeSummary, 'name' | 'description'>>(
  offices: readonly T[],
  query: string,
): T[] {
  const words = normalizeSearchText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...offices];
  return offices.filter((office) => {
    const haystack = normalizeSearchText(`${office.name} ${office.description}`);
    return words.every((word) => haystack.includes(word));
  });
}
