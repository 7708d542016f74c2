/**
 * Demo data: the offices of a mid-size town in the Augsburg region (public holidays of Bavaria,
 * region A: 8 August is a holiday there) with realistic, different opening hours, and one demo
 * office open around the clock so every flow can be tried at any hour.
 */
type Day = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type Hours = [Day[], string, string][];

export interface DemoOffice {
  slug: string;
  prefix: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  hours: Hours;
  holidays: boolean;
  /** Appointments: services [de, en, minutes], seats during opening hours, lead time. */
  booking?: { services: [string, string, number][]; seats: number; leadMinutes: number };
}

const WEEKDAYS: Day[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Day[] = [1, 2, 3, 4, 5, 6, 7];

export const DEMO_OFFICES: DemoOffice[] = [
  {
    slug: 'demo',
    prefix: 'D',
    name: { de: 'Demo-Büro (rund um die Uhr)', en: 'Demo office (open around the clock)' },
    description: {
      de: 'Zum Ausprobieren: immer geöffnet, auch an Feiertagen.',
      en: 'For trying things out: always open, holidays included.',
    },
    hours: [[EVERY_DAY, '00:00', '24:00']],
    holidays: false,
    booking: {
      services: [
        ['Allgemeine Beratung', 'General advice', 20],
        ['Gewerbeanmeldung', 'Business registration', 20],
        ['Beglaubigung', 'Certification of a copy', 10],
      ],
      seats: 2,
      leadMinutes: 5,
    },
  },
  {
    slug: 'einwohnermeldeamt',
    prefix: 'E',
    name: { de: 'Einwohnermeldeamt', en: 'Residents’ registration office' },
    description: {
      de: 'An- und Ummeldung, Personalausweis, Reisepass, Meldebescheinigung.',
      en: 'Registering an address, ID cards, passports, certificates of registration.',
    },
    hours: [
      [[1, 2, 3, 4, 5], '07:30', '12:30'],
      [[1, 2], '13:30', '16:00'],
      [[4], '13:30', '18:00'],
      [[6], '09:00', '12:00'],
    ],
    holidays: true,
    booking: {
      services: [
        ['Personalausweis beantragen', 'Apply for an ID card', 20],
        ['Reisepass beantragen', 'Apply for a passport', 20],
        ['Meldebescheinigung', 'Certificate of registration', 10],
      ],
      seats: 2,
      leadMinutes: 60,
    },
  },
  {
    slug: 'gewerbeamt',
    prefix: 'G',
    name: { de: 'Gewerbeamt', en: 'Trade office' },
    description: {
      de: 'Gewerbeanmeldung, -ummeldung und -abmeldung, Gaststättenerlaubnis.',
      en: 'Registering, changing and closing a business, restaurant licences.',
    },
    hours: [
      [WEEKDAYS, '08:00', '12:00'],
      [[4], '14:00', '18:00'],
    ],
    holidays: true,
  },
  {
    slug: 'bauordnung',
    prefix: 'B',
    name: { de: 'Bauordnungsamt', en: 'Building control office' },
    description: {
      de: 'Bauanträge, Bauvoranfragen, Beratung zu Bebauungsplänen.',
      en: 'Building applications, preliminary enquiries, advice on zoning plans.',
    },
    hours: [
      [[1, 2, 4, 5], '08:00', '12:00'],
      [[2], '13:30', '16:00'],
      [[4], '14:00', '18:00'],
    ],
    holidays: true,
  },
  {
    slug: 'sozialbuero',
    prefix: 'S',
    name: { de: 'Sozialbüro', en: 'Social services office' },
    description: {
      de: 'Wohngeld, Grundsicherung, Bildung und Teilhabe, Beratung in schwierigen Lagen.',
      en: 'Housing benefit, basic income support, education support, advice in hard times.',
    },
    hours: [
      [[1, 2, 4], '08:30', '12:00'],
      [[2], '14:00', '16:00'],
    ],
    holidays: true,
  },
  {
    slug: 'standesamt',
    prefix: 'ST',
    name: { de: 'Standesamt', en: 'Registry office' },
    description: {
      de: 'Geburten, Eheschließungen, Sterbefälle, Urkunden.',
      en: 'Births, marriages, deaths, certificates.',
    },
    hours: [
      [WEEKDAYS, '08:00', '12:00'],
      [[3], '14:00', '17:00'],
    ],
    holidays: true,
  },
  {
    slug: 'ordnungsamt',
    prefix: 'O',
    name: { de: 'Ordnungsamt', en: 'Public order office' },
    description: {
      de: 'Fundsachen, Veranstaltungen, Sondernutzung, Hunde, Verkehrsangelegenheiten.',
      en: 'Lost and found, events, use of public space, dogs, traffic matters.',
    },
    hours: [
      [WEEKDAYS, '08:00', '12:00'],
      [[2, 4], '13:00', '15:30'],
    ],
    holidays: true,
  },
  {
    slug: 'stadtkasse',
    prefix: 'K',
    name: { de: 'Stadtkasse', en: 'Town treasury' },
    description: {
      de: 'Zahlungen, Mahnungen, Grundsteuer, Hundesteuer, Ratenzahlung.',
      en: 'Payments, reminders, property tax, dog tax, payment by instalments.',
    },
    hours: [
      [[1, 2, 4, 5], '08:00', '12:00'],
      [[4], '14:00', '17:30'],
    ],
    holidays: true,
  },
  {
    slug: 'stadtwerke',
    prefix: 'W',
    name: { de: 'Stadtwerke Kundenzentrum', en: 'Municipal utilities customer centre' },
    description: {
      de: 'Strom, Gas, Wasser: Verträge, Zählerstände, Abschläge, Umzug.',
      en: 'Electricity, gas, water: contracts, meter readings, instalments, moving house.',
    },
    hours: [
      [[1, 2, 3, 4], '08:00', '16:00'],
      [[5], '08:00', '13:00'],
    ],
    holidays: true,
  },
];

export const DEMO_PASSWORD = 'buergerbuero-demo';

export const DEMO_ACCOUNTS = [
  { email: 'admin@buergerbuero.example', name: 'Alex Admin', role: 'admin', offices: 'all' },
  {
    email: 'anna.schmidt@buergerbuero.example',
    name: 'Anna Schmidt',
    role: 'staff',
    offices: ['demo', 'einwohnermeldeamt', 'gewerbeamt', 'standesamt'],
  },
  {
    email: 'mehmet.yilmaz@buergerbuero.example',
    name: 'Mehmet Yılmaz',
    role: 'staff',
    offices: ['demo', 'bauordnung', 'sozialbuero', 'ordnungsamt', 'stadtkasse', 'stadtwerke'],
  },
] as const;
