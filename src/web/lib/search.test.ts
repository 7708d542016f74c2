import { describe, expect, it } from 'vitest';
import { filterOffices, normalizeSearchText } from './search.js';

const offices = [
  { name: 'Bürgerbüro', description: 'Ausweis, Pass, Anmeldung' },
  { name: 'Straßenverkehrsamt', description: 'Führerschein und Zulassung' },
  { name: 'Gewerbeamt', description: 'Gewerbe anmelden' },
];

describe('office search', () => {
  it('ignores case, accents and ß', () => {
    expect(normalizeSearchText('  Straßen  BÜRO ')).toBe('strassen buro');
    expect(filterOffices(offices, 'buro').map((o) => o.name)).toEqual(['Bürgerbüro']);
    expect(filterOffices(offices, 'STRASSE').map((o) => o.name)).toEqual(['Straßenverkehrsamt']);
  });

  it('searches descriptions and needs every word', () => {
    expect(filterOffices(offices, 'fuhrerschein').map((o) => o.name)).toEqual([
      'Straßenverkehrsamt',
    ]);
    expect(filterOffices(offices, 'anmeld').map((o) => o.name)).toEqual([
      'Bürgerbüro',
      'Gewerbeamt',
    ]);
    expect(filterOffices(offices, 'anmelden gewerbe').map((o) => o.name)).toEqual(['Gewerbeamt']);
  });

  it('returns every office for an empty query', () => {
    expect(filterOffices(offices, '   ')).toHaveLength(3);
  });
});
