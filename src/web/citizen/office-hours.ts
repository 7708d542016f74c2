/** The office page's timetable: regular weekly hours and the closures / special hours ahead. */
import { html, nothing } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { OfficeDetail } from '../../shared/offices.js';
import { dateRangeText, formatIntervals, isoWeekday, weekdayName } from '../lib/format.js';
import { translate, type MessageKey, type MessageParams } from '../lib/i18n/index.js';
import { LightElement } from '../lib/light-element.js';
import { timeText } from './time-text.js';

function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export class OfficeHours extends LightElement {
  static override properties = {
    office: { attribute: false },
    locale: { type: String },
  };

  declare office: OfficeDetail;
  declare locale: Locale;

  override render() {
    const { locale } = this;
    const m = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
    const todayWeekday = isoWeekday(this.office.today.date);
    const days = [...this.office.openingHours].sort((a, b) => a.weekday - b.weekday);
    const zone = this.office.timeZone;

    return html`
      <section class="section" aria-labelledby="hours-title">
        <h2 id="hours-title">${m('openingHoursTitle')}</h2>
        <table class="hours" aria-labelledby="hours-title">
          <thead>
            <tr>
              <th scope="col">${m('columnDay')}</th>
              <th scope="col">${m('columnHours')}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map((day) => {
              const isToday = day.weekday === todayWeekday;
              return html`<tr
                class=${isToday ? 'is-today' : ''}
                aria-current=${isToday ? 'date' : nothing}
              >
                <th scope="row">
                  ${weekdayName(day.weekday, locale)}${
                    isToday ? html` <span class="today-tag">(${m('todayMarker')})</span>` : nothing
                  }
                </th>
                <td>
                  ${day.intervals.length ? timeText(formatIntervals(day.intervals)) : m('closed')}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
        ${browserTimeZone() !== zone ? html`<p class="hint">${m('timeZoneNote', { zone })}</p>` : nothing}
      </section>

      <section class="section" aria-labelledby="exceptions-title">
        <h2 id="exceptions-title">${m('exceptionsTitle')}</h2>
        ${
          this.office.exceptions.length === 0
            ? html`<p>${m('exceptionsNone')}</p>`
            : html`<ul class="exceptions">
                ${this.office.exceptions.map(
                  (exception) =>
                    html`<li>
                      <span class="exceptions__date">
                        ${dateRangeText(exception.firstDay, exception.lastDay, locale)}
                      </span>
                      <span>
                        ${
                          exception.intervals.length
                            ? timeText(
                                m('exceptionOpen', { hours: formatIntervals(exception.intervals) }),
                              )
                            : m('status_closed')
                        }${exception.note ? ` – ${exception.note}` : ''}
                      </span>
                    </li>`,
                )}
              </ul>`
        }
      </section>
    `;
  }
}

customElements.define('vb-office-hours', OfficeHours);
