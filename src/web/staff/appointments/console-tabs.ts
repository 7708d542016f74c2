/**
 * The console's two views as tabs: "Warteschlange / Queue" and "Termine / Appointments". The
 * WAI-ARIA tabs pattern: one tab stop, arrow keys (and Home/End) move between the tabs and
 * show the one they land on. Emits `vb-tab` with the chosen tab; the console shows its panel
 * (ids from `tabId` and `tabPanelId`).
 */
import { html } from 'lit';
import { LightElement } from '../../lib/light-element.js';
import { t } from '../i18n/index.js';

export const CONSOLE_TABS = ['queue', 'appointments'] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

export const tabId = (tab: ConsoleTab): string => `console-tab-${tab}`;
export const tabPanelId = (tab: ConsoleTab): string => `console-panel-${tab}`;

const LABELS = { queue: 'tabQueue', appointments: 'tabAppointments' } as const;

export class ConsoleTabs extends LightElement {
  static override properties = {
    selected: { type: String },
    locale: { type: String },
  };

  declare selected: ConsoleTab;
  declare locale: string;

  constructor() {
    super();
    this.selected = 'queue';
  }

  private choose(tab: ConsoleTab, focus: boolean): void {
    if (focus) this.querySelector<HTMLElement>(`#${tabId(tab)}`)?.focus();
    if (tab === this.selected) return;
    this.dispatchEvent(new CustomEvent<ConsoleTab>('vb-tab', { detail: tab, bubbles: true }));
  }

  private onKey(event: KeyboardEvent): void {
    const at = CONSOLE_TABS.indexOf(this.selected);
    const last = CONSOLE_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % CONSOLE_TABS.length
        : event.key === 'ArrowLeft'
          ? (at + last) % CONSOLE_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    this.choose(CONSOLE_TABS[next] ?? 'queue', true);
  }

  override render() {
    return html`<div
      class="tabs"
      role="tablist"
      aria-label=${t('tabsLabel')}
      @keydown=${(e: KeyboardEvent) => this.onKey(e)}
    >
      ${CONSOLE_TABS.map((tab) => {
        const selected = tab === this.selected;
        return html`<button
          type="button"
          role="tab"
          class="tabs__tab"
          id=${tabId(tab)}
          aria-controls=${tabPanelId(tab)}
          aria-selected=${selected ? 'true' : 'false'}
          tabindex=${selected ? '0' : '-1'}
          @click=${() => this.choose(tab, false)}
        >
          ${t(LABELS[tab])}
        </button>`;
      })}
    </div>`;
  }
}

customElements.define('vb-console-tabs', ConsoleTabs);
