/**
 * The public shape of an office, as the JSON API and the citizen pages see it.
 * One TypeBox schema gives validation, the static type and the response serializer.
 */
import { Type, type Static } from '@sinclair/typebox';

export const OFFICE_STATUSES = ['closed', 'open_free', 'open_busy', 'open_unstaffed'] as const;
export type OfficeStatus = (typeof OFFICE_STATUSES)[number];

const IsoInstant = Type.String({
  format: 'date-time',
  description: 'ISO 8601 with the office’s UTC offset',
  examples: ['2026-11-25T08:00:00+01:00'],
});
const LocalTime = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
  examples: ['08:00'],
});
const LocalDate = Type.String({ format: 'date', examples: ['2026-11-25'] });

export const IntervalSchema = Type.Object(
  { opens: LocalTime, closes: LocalTime },
  { description: 'Wall-clock times in the office’s time zone' },
);

export const WeekdayHoursSchema = Type.Object({
  weekday: Type.Integer({
    minimum: 1,
    maximum: 7,
    description: 'ISO weekday: 1 = Monday … 7 = Sunday',
  }),
  intervals: Type.Array(IntervalSchema),
});

export const TodaySchema = Type.Object({
  date: LocalDate,
  intervals: Type.Array(IntervalSchema),
  holiday: Type.Union([Type.String(), Type.Null()], {
    description: 'Name of today’s public holiday',
  }),
  exception: Type.Boolean({ description: 'Today’s hours differ from the weekly hours' }),
});

export const ExceptionSchema = Type.Object({
  firstDay: LocalDate,
  lastDay: LocalDate,
  intervals: Type.Array(IntervalSchema, { description: 'Empty: closed' }),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const OfficeSummarySchema = Type.Object(
  {
    slug: Type.String({ examples: ['gewerbeamt'] }),
    name: Type.String(),
    description: Type.String(),
    timeZone: Type.String({ examples: ['Europe/Berlin'] }),
    status: Type.Union(
      OFFICE_STATUSES.map((s) => Type.Literal(s)),
      {
        description:
          'closed · open_free (open, someone free) · open_busy (open, all on duty are busy) · open_unstaffed (open, nobody on duty)',
      },
    ),
    open: Type.Boolean(),
    waiting: Type.Integer({ minimum: 0, description: 'People waiting in the lobby' }),
    closesAt: Type.Union([IsoInstant, Type.Null()], {
      description: 'When open: end of the opening',
    }),
    nextOpening: Type.Union([IsoInstant, Type.Null()], {
      description: 'When closed: next opening',
    }),
    today: TodaySchema,
    openingHours: Type.Array(WeekdayHoursSchema, { minItems: 7, maxItems: 7 }),
  },
  { $id: 'OfficeSummary' },
);
export type OfficeSummary = Static<typeof OfficeSummarySchema>;

export const OfficeDetailSchema = Type.Composite(
  [
    Type.Omit(OfficeSummarySchema, []),
    Type.Object({
      exceptions: Type.Array(ExceptionSchema, {
        description: 'Closures and special hours from today on (next 90 days)',
      }),
      generatedAt: IsoInstant,
    }),
  ],
  { $id: 'OfficeDetail' },
);
export type OfficeDetail = Static<typeof OfficeDetailSchema>;

export const OfficeListSchema = Type.Object({
  offices: Type.Array(OfficeSummarySchema),
  generatedAt: IsoInstant,
});
export type OfficeList = Static<typeof OfficeListSchema>;
