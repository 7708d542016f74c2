/** English texts. Typed as `Messages`: same keys as German, nothing more, nothing less. */
import type { Messages } from './types.js';

export const en: Messages = {
  intlLocale: 'en-GB',
  languageName: 'English',

  appName: 'Virtual Citizen Office',
  skipLink: 'Skip to content',
  switchLanguageHint: 'Change language',
  footerPrivacy: 'No tracking cookies, no third parties.',
  pageTitle: '{page} – Virtual Citizen Office',

  directoryTitle: 'Offices',
  directoryIntro:
    'See which office is open right now and how many people are waiting. Choose an office for all opening hours.',
  searchLabel: 'Search offices',
  searchHint: 'Name or topic, for example “business” or “passport”',
  resultsFound: { one: '{count} office found', other: '{count} offices found' },
  resultsOfTotal: '{shown} of {total} offices',
  noResults: 'No office matches “{query}”. Try another word.',
  noOffices: 'No offices have been set up yet.',
  loadingOffices: 'Loading offices …',
  loadingOffice: 'Loading office …',
  updatedAt: 'As of {time}',
  refreshFailed: 'The page could not be updated.',
  errorTitle: 'Sorry, that did not work',
  errorNetwork: 'Cannot reach the server. Please check your internet connection.',
  errorGeneric: 'Something went wrong. Please try again later.',
  retry: 'Try again',

  status_closed: 'Closed',
  status_open_free: 'Open – available',
  status_open_busy: 'Open – all staff busy',
  status_open_unstaffed: 'Open – nobody on duty right now',
  statusChanged: '{name}: now {status}',
  manyStatusChanged: {
    one: '{count} office changed its status',
    other: '{count} offices changed their status',
  },

  waitingNone: 'Nobody waiting',
  waiting: { one: '{count} person waiting', other: '{count} people waiting' },

  todayHours: 'Today {hours}',
  todaySpecialHours: 'Today (special hours) {hours}',
  todayClosed: 'Closed today',
  todayClosedReason: 'Closed today ({reason})',
  opensToday: 'Opens today at {time}',
  opensTomorrow: 'Opens tomorrow at {time}',
  opensOn: 'Opens on {date} at {time}',
  opensUnknown: 'No opening scheduled at the moment',
  openUntil: 'Open until {time}',
  openUntilTomorrow: 'Open until tomorrow at {time}',
  openUntilDate: 'Open until {date} at {time}',

  backToList: 'Back to all offices',
  openingHoursTitle: 'Opening hours',
  columnDay: 'Day',
  columnHours: 'Hours',
  closed: 'closed',
  todayMarker: 'today',
  timeZoneNote: 'All times are local time at the office ({zone}).',
  exceptionsTitle: 'Closures and special hours',
  exceptionsNone: 'Regular opening hours apply for the next 90 days.',
  exceptionOpen: 'Open {hours}',
  notFoundTitle: 'Office not found',
  notFoundText: 'This office does not exist. Please choose an office from the list.',
};
