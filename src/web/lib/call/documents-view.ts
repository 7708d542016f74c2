/**
 * `<vb-documents>`: the consultation's shared documents for either participant — the list
 * (live from the consultation snapshot) with downloads and small previews of images, and the
 * upload with progress and the API's errors in the page's language.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale } from '../../../shared/locale.js';
import type { DocumentInfo } from '../../../shared/queue.js';
import { LightElement } from '../light-element.js';
import { ApiError } from '../request.js';
import type { CallAuth } from './auth.js';
import { DOCUMENT_ACCEPT, documentUrl, formatSize, saveAs, uploadDocument } from './documents.js';
import { intlLocale, t } from './i18n/index.js';
import { documentIcon, uploadIcon } from './icons.js';

/** Images up to this size get a preview without asking. */
const PREVIEW_MAX_BYTES = 8_000_000;

export class DocumentsPanel extends LightElement {
  static override properties = {
    consultationId: { type: String },
    auth: { attribute: false },
    documents: { attribute: false },
    maxBytes: { type: Number },
    otherName: { type: String },
    headingLevel: { type: Number },
    locale: { type: String },
    uploading: { state: true },
    error: { state: true },
    announcement: { state: true },
  };

  declare consultationId: string;
  declare auth: CallAuth;
  declare documents: DocumentInfo[];
  /** The server's limit (the consultation snapshot says it). */
  declare maxBytes: number;
  declare otherName: string;
  declare headingLevel: 2 | 3;
  declare locale: Locale;
  declare uploading: { name: string; percent: number } | null;
  declare error: string;
  declare announcement: string;

  /** Object URLs of fetched documents (previews, downloads), by id. */
  private readonly urls = new Map<string, Promise<string>>();
  private readonly previews = new Map<string, string>();
  private seen: Set<string> | null = null;

  constructor() {
    super();
    this.documents = [];
    this.maxBytes = 0;
    this.uploading = null;
    this.error = this.announcement = '';
    this.headingLevel = 2;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const url of this.urls.values())
      void url.then(
        (u) => URL.revokeObjectURL(u),
        () => 0,
      );
    this.urls.clear();
    this.previews.clear();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('documents')) return;
    const self = this.auth?.role;
    const fresh = this.documents.filter(
      (d) => this.seen && !this.seen.has(d.id) && d.from !== self,
    );
    const first = fresh[0];
    if (first) this.announcement = t('docsNew', { count: fresh.length, name: first.filename });
    this.seen = new Set(this.documents.map((d) => d.id));
    for (const doc of this.documents) {
      if (doc.mediaType !== 'application/pdf' && doc.size <= PREVIEW_MAX_BYTES) {
        void this.load(doc).then(
          (url) => {
            if (this.previews.get(doc.id) !== url) {
              this.previews.set(doc.id, url);
              this.requestUpdate();
            }
          },
          () => undefined,
        );
      }
    }
  }

  private load(doc: DocumentInfo): Promise<string> {
    let url = this.urls.get(doc.id);
    if (!url) {
      url = documentUrl(this.consultationId, doc.id, this.auth);
      url.catch(() => this.urls.delete(doc.id));
      this.urls.set(doc.id, url);
    }
    return url;
  }

  private async download(doc: DocumentInfo): Promise<void> {
    this.error = '';
    try {
      saveAs(await this.load(doc), doc.filename);
    } catch (error) {
      this.error = this.describe(error, t('docsLoadFailed'));
    }
  }

  private pick(): void {
    this.querySelector<HTMLInputElement>('#document-input')?.click();
  }

  private async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.uploading) return;
    this.error = '';
    this.uploading = { name: file.name, percent: 0 };
    try {
      await uploadDocument(this.consultationId, file, this.auth, this.locale, (fraction) => {
        this.uploading = { name: file.name, percent: Math.round(fraction * 100) };
      });
      this.announcement = t('docsUploaded', { name: file.name });
    } catch (error) {
      this.error = this.describe(error, t('docsFailed'));
    } finally {
      this.uploading = null;
    }
  }

  private describe(error: unknown, fallback: string): string {
    if (error instanceof ApiError) {
      if (error.messages) return error.messages[this.locale];
      if (error.status === 0) return t('docsNetwork');
    }
    return fallback;
  }

  override render() {
    const title = t('docsTitle');
    return html`<section class="vc-docs" aria-labelledby="docs-title">
      ${
        this.headingLevel === 3
          ? html`<h3 id="docs-title">${title}</h3>`
          : html`<h2 id="docs-title">${title}</h2>`
      }
      <p class="hint" id="docs-hint">
        ${t('docsHint', { size: `${Math.round((this.maxBytes || 20 * 1024 * 1024) / 1048576)} MB` })}
      </p>
      <input
        type="file"
        id="document-input"
        data-testid="document-input"
        accept=${DOCUMENT_ACCEPT}
        hidden
        @change=${(event: Event) => void this.upload(event)}
      />
      <button
        type="button"
        class="vc-button"
        aria-describedby="docs-hint"
        ?disabled=${!!this.uploading}
        @click=${() => this.pick()}
      >
        ${uploadIcon}<span>${t('docsUpload')}</span>
      </button>
      ${this.uploading ? this.renderProgress(this.uploading) : nothing}
      ${this.error ? html`<p class="notice notice--error" role="alert">${this.error}</p>` : nothing}
      <div class="sr-only" aria-live="polite">${this.announcement}</div>
      ${
        this.documents.length === 0
          ? html`<p class="hint">${t('docsEmpty')}</p>`
          : html`<ul class="vc-docs__list">
              ${repeat(
                this.documents,
                (doc) => doc.id,
                (doc) => this.renderDocument(doc),
              )}
            </ul>`
      }
    </section>`;
  }

  private renderProgress({ name, percent }: { name: string; percent: number }) {
    return html`<div class="vc-docs__progress">
      <label for="docs-progress">${t('docsUploading', { name, percent })}</label>
      <progress id="docs-progress" max="100" .value=${percent}>${percent} %</progress>
    </div>`;
  }

  private renderDocument(doc: DocumentInfo) {
    const preview = this.previews.get(doc.id);
    const from =
      doc.from === this.auth.role ? t('docsFromYou') : t('docsFrom', { name: this.otherName });
    const time = new Intl.DateTimeFormat(intlLocale(this.locale), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(doc.uploadedAt));
    return html`<li class="vc-doc" data-testid="document">
      ${
        preview
          ? html`<img
              class="vc-doc__preview"
              src=${preview}
              alt=${t('docsPreview', { name: doc.filename })}
            />`
          : html`<span class="vc-doc__icon">${documentIcon}</span>`
      }
      <div class="vc-doc__text">
        <p class="vc-doc__name">${doc.filename}</p>
        <p class="hint">
          ${formatSize(doc.size, intlLocale(this.locale))} · ${from} ·
          <time datetime=${doc.uploadedAt}>${time}</time>
        </p>
      </div>
      <button type="button" class="vc-button" @click=${() => void this.download(doc)}>
        ${t('docsDownload')}<span class="sr-only">: ${doc.filename}</span>
      </button>
    </li>`;
  }
}

customElements.define('vb-documents', DocumentsPanel);
