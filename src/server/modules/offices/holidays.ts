import Holidays from 'date-holidays';

/** Country (ISO 3166-1, e.g. 'DE'), state ('BY') and region ('A' = Augsburg) as date-holidays knows them. */
export interface HolidayRegion {
  country: string;
  state?: string | null;
  region?: string | null;
}

export interface HolidayName {
  de: string;
  en: string;
}

const DAY_MS = 86_400_000;
const instances = new Map<string, Holidays>();
const years = new Map<string, Map<string, HolidayName>>();

function regionKey(r: HolidayRegion): string {
  return `${r.country}|${r.state ?? ''}|${r.state ? (r.region ?? '') : ''}`.toUpperCase();
}

function instance(key: string, r: HolidayRegion): Holidays {
  let h = instances.get(key);
  if (!h) {
    const opts = { types: ['public' as const] };
    h = !r.state
      ? new Holidays(r.country, opts)
      : r.region
        ? new Holidays(r.country, r.state, r.region, opts)
        : new Holidays(r.country, r.state, opts);
    instances.set(key, h);
  }
  return h;
}

/** All public holidays of one region and year, keyed by local date YYYY-MM-DD. */
function yearMap(r: HolidayRegion, year: number): Map<string, HolidayName> {
  const key = regionKey(r);
  const cacheKey = `${key}|${year}`;
  const cached = years.get(cacheKey);
  if (cached) return cached;

  const h = instance(key, r);
  const map = new Map<string, HolidayName>();
  // Names come back in one language per call; pair the two calls by rule and date.
  const en = new Map<string, string>();
  for (const x of h.getHolidays(year, 'en')) {
    if (x.type === 'public') en.set(`${x.rule}|${x.date}`, x.name);
  }
  for (const x of h.getHolidays(year, 'de')) {
    if (x.type !== 'public') continue;
    const name = { de: x.name, en: en.get(`${x.rule}|${x.date}`) ?? x.name };
    // `date` is the local start date in the country's zone ("2026-12-25 00:00:00"); a few
    // holidays in other countries last several days.
    const days = Math.max(1, Math.round((x.end.getTime() - x.start.getTime()) / DAY_MS));
    const first = Date.parse(`${x.date.slice(0, 10)}T00:00:00Z`);
    for (let i = 0; i < days; i++) {
      const day = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
      if (!map.has(day)) map.set(day, name);
    }
  }
  years.set(cacheKey, map);
  return map;
}

/** The public holiday on a local date (YYYY-MM-DD) in the region, or null. */
export function holidayOn(region: HolidayRegion, day: string): HolidayName | null {
  return yearMap(region, Number(day.slice(0, 4))).get(day) ?? null;
}
